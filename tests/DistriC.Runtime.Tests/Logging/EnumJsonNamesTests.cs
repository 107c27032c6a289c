using System;
using System.IO;
using System.Text;
using DistriC.Infrastructure;
using DistriC.Tests.Support;

namespace DistriC.Runtime.Tests.Logging;

/// <summary>
/// The per-enum name tables behind <see cref="LogEntryWriter.AppendEnum{TEnum}"/>. Expected output is what the
/// generator's compile-time switch writes: the first declared name of a value, else the value's number in a string.
/// </summary>
public sealed class EnumJsonNamesTests
{
    private enum Contiguous { Zero, One, Two }

    // Aliases are the point of two of these enums.
#pragma warning disable CA1069

    private enum Sparse { Ten = 10, Twenty = 20, Alias = 10, Thousand = 1000 }

    private enum Negative : sbyte { Min = sbyte.MinValue, MinusOne = -1, Zero = 0, Max = sbyte.MaxValue }

    private enum Bytes : byte { A = 0, B = 1, High = 255 }

    private enum Longs : long { Min = long.MinValue, Big = 1L << 40, Max = long.MaxValue }

    private enum Unsigned : ulong { One = 1, Max = ulong.MaxValue }

    [Flags]
    private enum Access : short { None = 0, Read = 1, Write = 2, All = Read | Write, Sign = short.MinValue }

    private enum Empty { }

    // Ant repeats the value of Zed: the first declared name wins, not the first in alphabetical order.
    private enum Aliases { Zed = 1, Ant = 1, Middle = 2 }
#pragma warning restore CA1069

    private static string? Name<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        byte[]? name = EnumJsonNames<TEnum>.Find(EnumJsonNames<TEnum>.ToKey(value));
        return name is null ? null : Encoding.UTF8.GetString(name);
    }

    private static string Written<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        using var output = new MemoryStream();
        using (var logger = new JsonLogger(output, new JsonLoggerOptions { Mode = LogMode.Sync, TimeProvider = new FixedClock() }))
        {
            var w = new LogEntryWriter(logger, ",\"level\":\"INFO\",\"component\":\"c\",\"message\":\"m\""u8);
            w.AppendEnum(",\"e\":"u8, value);
            Assert.Equal(DistricStatus.Ok, w.Commit());
        }

        LogLines.Parse(output.ToArray());
        string line = Encoding.UTF8.GetString(output.ToArray());
        int start = line.IndexOf(",\"e\":", StringComparison.Ordinal) + 5;
        return line[start..^2];
    }

    [Fact]
    public void Contiguous_values_are_found_by_index_and_out_of_range_values_have_no_name()
    {
        Assert.Equal("\"Zero\"", Name(Contiguous.Zero));
        Assert.Equal("\"Two\"", Name(Contiguous.Two));
        Assert.Null(Name((Contiguous)3));
        Assert.Null(Name((Contiguous)(-1)));
        Assert.Null(Name((Contiguous)int.MaxValue));
    }

    [Fact]
    public void Sparse_values_are_found_by_search_and_aliases_take_the_first_declared_name()
    {
        Assert.Equal("\"Ten\"", Name(Sparse.Ten));
        Assert.Equal("\"Twenty\"", Name(Sparse.Twenty));
        Assert.Equal("\"Thousand\"", Name(Sparse.Thousand));
        Assert.Null(Name((Sparse)0));
        Assert.Null(Name((Sparse)15));
        Assert.Null(Name((Sparse)2000));
        Assert.Equal("\"Zed\"", Name(Aliases.Ant));
        Assert.Equal("\"Middle\"", Name(Aliases.Middle));
    }

    [Fact]
    public void Negative_byte_long_and_ulong_based_values_are_keyed_by_their_own_width()
    {
        Assert.Equal("\"Min\"", Name(Negative.Min));
        Assert.Equal("\"MinusOne\"", Name(Negative.MinusOne));
        Assert.Equal("\"Max\"", Name(Negative.Max));
        Assert.Null(Name((Negative)(-2)));
        Assert.Equal("\"High\"", Name(Bytes.High));
        Assert.Null(Name((Bytes)254));
        Assert.Equal("\"Min\"", Name(Longs.Min));
        Assert.Equal("\"Big\"", Name(Longs.Big));
        Assert.Equal("\"Max\"", Name(Longs.Max));
        Assert.Null(Name((Longs)0));
        Assert.Equal("\"Max\"", Name(Unsigned.Max));
        Assert.Null(Name((Unsigned)0));
        Assert.Null(Name((Empty)0));
    }

    [Fact]
    public void The_writer_writes_names_and_falls_back_to_the_number_in_a_string_like_the_generated_switch()
    {
        Assert.Equal("\"Two\"", Written(Contiguous.Two));
        Assert.Equal("\"7\"", Written((Contiguous)7));
        Assert.Equal("\"-1\"", Written((Contiguous)(-1)));
        Assert.Equal("\"Ten\"", Written(Sparse.Alias));
        Assert.Equal("\"-2\"", Written((Negative)(-2)));
        Assert.Equal("\"MinusOne\"", Written(Negative.MinusOne));
        Assert.Equal("\"254\"", Written((Bytes)254));
        Assert.Equal("\"-9223372036854775807\"", Written((Longs)(long.MinValue + 1)));
        Assert.Equal("\"18446744073709551614\"", Written((Unsigned)(ulong.MaxValue - 1)));
        Assert.Equal("\"0\"", Written((Empty)0));
    }

    [Fact]
    public void Flags_combinations_without_a_member_of_their_own_are_numbers_like_in_the_generated_switch()
    {
        Assert.Equal("\"None\"", Written(Access.None));
        Assert.Equal("\"All\"", Written(Access.Read | Access.Write));
        Assert.Equal("\"Sign\"", Written(Access.Sign));
        Assert.Equal("\"-32767\"", Written(Access.Sign | Access.Read));
        Assert.Equal("\"4\"", Written((Access)4));
    }

    [Fact]
    public void Lookups_allocate_nothing_once_the_table_is_built()
    {
        Assert.Equal("\"Thousand\"", Name(Sparse.Thousand));
        Assert.Equal("\"Two\"", Name(Contiguous.Two));
        long before = GC.GetAllocatedBytesForCurrentThread();
        int found = 0;
        for (int i = 0; i < 1000; i++)
        {
            found += EnumJsonNames<Sparse>.Find(EnumJsonNames<Sparse>.ToKey((Sparse)(i % 30))) is null ? 0 : 1;
            found += EnumJsonNames<Contiguous>.Find(EnumJsonNames<Contiguous>.ToKey((Contiguous)(i % 5))) is null ? 0 : 1;
        }

        Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(66 + 600, found);
    }
}
