// Which parameter types a log event can write without boxing or allocating, and how.
using DistriC.Generators;
using Microsoft.CodeAnalysis;

namespace DistriC.Logging
{
    internal static class LogValueTypes
    {
        /// <summary>Classifies <paramref name="type"/>; null when it is not supported.</summary>
        /// <param name="type">Parameter type.</param>
        /// <param name="isNullableValue">Set when <paramref name="type"/> is <c>Nullable&lt;T&gt;</c>; the kind is then that of T.</param>
        /// <param name="valueType">The type whose value is written (T for <c>Nullable&lt;T&gt;</c>).</param>
        public static LogValueKind? Classify(ITypeSymbol type, out bool isNullableValue, out ITypeSymbol valueType)
        {
            isNullableValue = false;
            valueType = type;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                isNullableValue = true;
                valueType = nullable.TypeArguments[0];
            }

            LogValueKind? kind = ClassifyValue(valueType);
            if (isNullableValue && kind is LogValueKind.String or LogValueKind.Exception)
            {
                return null;
            }

            return kind;
        }

        private static LogValueKind? ClassifyValue(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Enum)
            {
                return LogValueKind.Enum;
            }

            // Generators cannot see each other's output, so a type another generator makes is an error type here.
            // Presume an enum: the generated call only compiles for one, and in the final compilation the analyzer
            // sees the real type (DSC102 if it is not an enum). A type missing for good already has its compiler
            // error (CS0246/CS0426), which no DSC102 should pile onto.
            if (type.TypeKind == TypeKind.Error)
            {
                return LogValueKind.UnresolvedEnum;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String: return LogValueKind.String;
                case SpecialType.System_Char: return LogValueKind.Char;
                case SpecialType.System_Boolean: return LogValueKind.Boolean;
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                case SpecialType.System_Decimal:
                    return LogValueKind.Number;
                case SpecialType.System_Single: return LogValueKind.Single;
                case SpecialType.System_Double: return LogValueKind.Double;
                case SpecialType.System_DateTime: return LogValueKind.DateTime;
            }

            if (KnownTypes.Is(type, KnownTypes.Guid))
            {
                return LogValueKind.Guid;
            }

            if (KnownTypes.Is(type, KnownTypes.DateTimeOffset))
            {
                return LogValueKind.DateTimeOffset;
            }

            if (KnownTypes.Is(type, KnownTypes.TimeSpan))
            {
                return LogValueKind.TimeSpan;
            }

            for (ITypeSymbol? t = type; t is not null; t = t.BaseType)
            {
                if (t.TypeKind == TypeKind.Class && KnownTypes.Is(t, KnownTypes.Exception))
                {
                    return LogValueKind.Exception;
                }
            }

            return null;
        }
    }
}
