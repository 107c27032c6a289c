using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using DistriC.Logging;

namespace DistriC.Infrastructure;

/// <summary>
/// The member names of <typeparamref name="TEnum"/> as pre-encoded JSON strings, for
/// <see cref="LogEntryWriter.AppendEnum{TEnum}"/>: the path taken by enums the generator could not see
/// (made by another source generator, such as the label enums of <c>[Metric]</c> classes).
/// </summary>
/// <remarks>
/// <para>Built once per enum type, by reflection, on first use (the only allocation); afterwards a lookup is an
/// array index when the values are exactly 0..n-1, otherwise a binary search over the sorted values.</para>
/// <para>Matches the switch the generator emits for enums it can see: each distinct value maps to the name of
/// the first field declared with it (metadata order, which is declaration order for C# enums); a value without a
/// field of its own (a cast integer, a combination of <c>[Flags]</c>) has no name here, and the writer writes it as
/// its number in a string.</para>
/// <para>Values are keyed by their underlying bits widened to 64: sign-extended for signed underlying types,
/// zero-extended otherwise, so every underlying type shares one table shape.</para>
/// </remarks>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal static class EnumJsonNames<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
    where TEnum : struct, Enum
{
    // Initialized in this order: Build reads s_signed (through ToKey).
    private static readonly bool s_signed = Type.GetTypeCode(Enum.GetUnderlyingType(typeof(TEnum))) is TypeCode.SByte or TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64;
    private static readonly Table s_table = Build();

    /// <summary>True when the underlying type is signed (<see cref="ToKey"/> sign-extends it).</summary>
    public static bool IsSigned => s_signed;

    /// <summary>The underlying value of <paramref name="value"/> widened to 64 bits (see remarks of the type).</summary>
    /// <param name="value">Any value, named or not.</param>
    public static ulong ToKey(TEnum value)
    {
        // Unsafe.SizeOf is a JIT-time constant: each instantiation keeps one branch.
        bool signed = s_signed;
        unchecked
        {
            switch (Unsafe.SizeOf<TEnum>())
            {
                case 1: return signed ? (ulong)Unsafe.As<TEnum, sbyte>(ref value) : Unsafe.As<TEnum, byte>(ref value);
                case 2: return signed ? (ulong)Unsafe.As<TEnum, short>(ref value) : Unsafe.As<TEnum, ushort>(ref value);
                case 4: return signed ? (ulong)Unsafe.As<TEnum, int>(ref value) : Unsafe.As<TEnum, uint>(ref value);
                default: return Unsafe.As<TEnum, ulong>(ref value);
            }
        }
    }

    /// <summary>The name of the value with key <paramref name="key"/> as a JSON string literal (quotes included), or null when no member has that value.</summary>
    /// <param name="key">A key from <see cref="ToKey"/>.</param>
    public static byte[]? Find(ulong key)
    {
        Table table = s_table;
        byte[][] names = table.Names;
        if (table.Keys is null)
        {
            return key < (ulong)names.Length ? names[(int)key] : null;
        }

        ulong[] keys = table.Keys;
        int low = 0;
        int high = keys.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            ulong candidate = keys[middle];
            if (candidate == key)
            {
                return names[middle];
            }

            if (candidate < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }

    private static Table Build()
    {
        FieldInfo[] fields = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static);
        var keys = new ulong[fields.Length];
        var names = new byte[fields.Length][];
        int count = 0;
        foreach (FieldInfo field in fields)
        {
            ulong key = ToKey((TEnum)field.GetValue(null)!);
            if (Array.IndexOf(keys, key, 0, count) < 0)
            {
                keys[count] = key;
                names[count] = Encoding.UTF8.GetBytes(LogFormat.Quote(field.Name));
                count++;
            }
        }

        Array.Resize(ref keys, count);
        Array.Resize(ref names, count);
        Array.Sort(keys, names);
        return new Table(IsDense(keys) ? null : keys, names);
    }

    // Exactly 0..n-1 once sorted, so the key is the index.
    private static bool IsDense(ulong[] sortedKeys)
    {
        for (int i = 0; i < sortedKeys.Length; i++)
        {
            if (sortedKeys[i] != (ulong)i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The names, and their sorted keys in parallel; no keys when dense (names indexed by key).</summary>
    private sealed class Table(ulong[]? keys, byte[][] names)
    {
        public ulong[]? Keys { get; } = keys;

        public byte[][] Names { get; } = names;
    }
}
