// The value-only model of one [LogEvent] method, produced by LogEventParser and consumed by the
// generator's emitter. Records and EquatableArray only, so incremental caching compares by value.
// Get-only properties rather than positional records: no init accessors, so no IsExternalInit polyfill.
using DistriC.Generators;

namespace DistriC.Logging
{
    /// <summary>How a parameter's value is written.</summary>
    internal enum LogValueKind
    {
        Logger,
        String,
        Char,
        Boolean,
        Number,
        Single,
        Double,
        Guid,
        DateTime,
        DateTimeOffset,
        TimeSpan,
        Enum,
        Exception,

        /// <summary>
        /// A type that does not exist yet while generators run (an error type there), taken to be an enum made by
        /// another source generator (e.g. the label enum of a <c>[Metric]</c> class). Written by the generic
        /// <c>LogEntryWriter.AppendEnum</c>, which the compiler binds in the final compilation.
        /// </summary>
        UnresolvedEnum,
    }

    /// <summary>An enum member the generator maps to its name.</summary>
    /// <remarks>
    /// <para><c>Identifier</c>: C# identifier (escaped with <c>@</c> when a keyword).</para>
    /// <para><c>JsonName</c>: The name as a JSON string literal, quotes included.</para>
    /// </remarks>
    internal sealed record EnumMemberModel
    {
        public EnumMemberModel(string identifier, string jsonName)
        {
            Identifier = identifier;
            JsonName = jsonName;
        }

        public string Identifier { get; }

        public string JsonName { get; }
    }

    /// <summary>One parameter of the method.</summary>
    /// <remarks>
    /// <para><c>Identifier</c>: C# identifier as it must be written (escaped with <c>@</c> when a keyword).</para>
    /// <para><c>Type</c>: Fully qualified type with nullable annotation.</para>
    /// <para><c>IsThis</c>: True for the <c>this</c> parameter of an extension method.</para>
    /// <para><c>Kind</c>: How the value is written.</para>
    /// <para><c>IsNullableValue</c>: True for <c>Nullable&lt;T&gt;</c>.</para>
    /// <para><c>FieldPrefix</c>: JSON text <c>,"name":</c> encoded at compile time.</para>
    /// <para><c>EnumType</c>: Fully qualified enum type (enums only).</para>
    /// <para><c>EnumUnderlyingType</c>: C# keyword of the underlying type (enums only).</para>
    /// <para><c>EnumMembers</c>: Distinct-valued members, first declared name wins (enums only).</para>
    /// </remarks>
    internal sealed record LogParameterModel
    {
        public LogParameterModel(string identifier, string type, bool isThis, LogValueKind kind, bool isNullableValue, string fieldPrefix, string enumType, string enumUnderlyingType, EquatableArray<EnumMemberModel> enumMembers)
        {
            Identifier = identifier;
            Type = type;
            IsThis = isThis;
            Kind = kind;
            IsNullableValue = isNullableValue;
            FieldPrefix = fieldPrefix;
            EnumType = enumType;
            EnumUnderlyingType = enumUnderlyingType;
            EnumMembers = enumMembers;
        }

        public string Identifier { get; }

        public string Type { get; }

        public bool IsThis { get; }

        public LogValueKind Kind { get; }

        public bool IsNullableValue { get; }

        public string FieldPrefix { get; }

        public string EnumType { get; }

        public string EnumUnderlyingType { get; }

        public EquatableArray<EnumMemberModel> EnumMembers { get; }
    }

    /// <summary>A valid [LogEvent] method, ready to emit.</summary>
    /// <remarks>
    /// <para><c>Hierarchy</c>: Containing namespace (empty for the global one) and types, outermost first.</para>
    /// <para><c>TypeKey</c>: Fully qualified containing type; groups methods into one file and orders output.</para>
    /// <para><c>Modifiers</c>: Method modifiers as written, e.g. <c>public static partial</c>.</para>
    /// <para><c>Name</c>: Method identifier.</para>
    /// <para><c>ReturnsStatus</c>: True when the method returns <c>DistricStatus</c> (else void).</para>
    /// <para><c>LoggerExpression</c>: C# expression of the JsonLogger to write to.</para>
    /// <para><c>LevelMember</c>: Name of the <c>LogLevel</c> member.</para>
    /// <para><c>Header</c>: JSON text <c>,"level":...,"component":...,"message":...</c>.</para>
    /// <para><c>Parameters</c>: All parameters in declaration order (the logger parameter included).</para>
    /// </remarks>
    internal sealed record LogEventModel
    {
        public LogEventModel(TypeHierarchy hierarchy, string typeKey, string modifiers, string name, bool returnsStatus, string loggerExpression, string levelMember, string header, EquatableArray<LogParameterModel> parameters)
        {
            Hierarchy = hierarchy;
            TypeKey = typeKey;
            Modifiers = modifiers;
            Name = name;
            ReturnsStatus = returnsStatus;
            LoggerExpression = loggerExpression;
            LevelMember = levelMember;
            Header = header;
            Parameters = parameters;
        }

        public TypeHierarchy Hierarchy { get; }

        public string TypeKey { get; }

        public string Modifiers { get; }

        public string Name { get; }

        public bool ReturnsStatus { get; }

        public string LoggerExpression { get; }

        public string LevelMember { get; }

        public string Header { get; }

        public EquatableArray<LogParameterModel> Parameters { get; }
    }
}
