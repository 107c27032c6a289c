// The declaration model of one [Metric] class: plain values only (strings, numbers, equatable arrays
// and locations as data), never an ISymbol, SyntaxNode or Compilation, so the incremental generator
// can cache it and the analyzers can validate it with the same rules (MetricValidator).
using System.Linq;
using DistriC.Generators;

namespace DistriC.Metrics
{
    /// <summary>Mirror of DistriC.MetricKind (the runtime type is not visible to the generator).</summary>
    internal enum DeclaredMetricKind
    {
        Counter = 0,
        Gauge = 1,
        Histogram = 2,
        Info = 3,
    }

    /// <summary>Where the declaring type sits and whether its shape allows generated members.</summary>
    internal sealed record TypeShapeModel
    {
        public TypeShapeModel(
            TypeHierarchy containers,
            string name,
            string keyword,
            bool isPartial,
            bool isGeneric,
            bool isStatic,
            bool labelsOnOtherPart,
            bool isEffectivelyPublic,
            SourceLocation identifierLocation)
        {
            Containers = containers;
            Name = name;
            Keyword = keyword;
            IsPartial = isPartial;
            IsGeneric = isGeneric;
            IsStatic = isStatic;
            LabelsOnOtherPart = labelsOnOtherPart;
            IsEffectivelyPublic = isEffectivelyPublic;
            IdentifierLocation = identifierLocation;
        }

        /// <summary>The namespace and the types the class is nested in, outermost first (the class itself not included).</summary>
        public TypeHierarchy Containers { get; }

        public string Name { get; }

        /// <summary><c>class</c> or <c>record</c>.</summary>
        public string Keyword { get; }

        public bool IsPartial { get; }

        /// <summary>The type or one of its containers has type parameters.</summary>
        public bool IsGeneric { get; }

        public bool IsStatic { get; }

        /// <summary>Name of the outermost containing type not declared partial, if any.</summary>
        public string? NonPartialContainer => Containers.Types.FirstOrDefault(t => !t.IsPartial)?.Name;

        /// <summary>A [Label] sits on a partial part other than the one carrying [Metric].</summary>
        public bool LabelsOnOtherPart { get; }

        /// <summary>The type and all its containers are public.</summary>
        public bool IsEffectivelyPublic { get; }

        public SourceLocation IdentifierLocation { get; }

        /// <summary>Dotted name for people: <c>Ns.Outer.Name</c>.</summary>
        public string DisplayName => Containers.DisplayName.Length > 0 ? Containers.DisplayName + "." + Name : Name;

        /// <summary>The hierarchy of the generated partial declarations: the containers, then the class itself.</summary>
        public TypeHierarchy Hierarchy => Containers.Append(new HierarchyType(Keyword, Name, string.Empty, IsPartial));
    }

    /// <summary>One allowed value of a label.</summary>
    internal sealed record LabelValueModel
    {
        public LabelValueModel(string? value, string identifier, string? constantKey, SourceLocation location)
        {
            Value = value;
            Identifier = identifier;
            ConstantKey = constantKey;
            Location = location;
        }

        /// <summary>Exposed text (null when the declaration passed null).</summary>
        public string? Value { get; }

        /// <summary>C# member name: the enum member for an enum label, the generated member for an inline one.</summary>
        public string Identifier { get; }

        /// <summary>The enum member's constant as text (enum labels only), to detect aliases.</summary>
        public string? ConstantKey { get; }

        public SourceLocation Location { get; }
    }

    /// <summary>One [Label] of a metric, in declaration order.</summary>
    internal sealed record LabelModel
    {
        public LabelModel(
            string? name,
            bool isEnumTyped,
            string? typeName,
            string? typeDisplay,
            bool typeIsEnum,
            bool isFlags,
            bool is64Bit,
            bool isContiguous,
            bool typeIsEffectivelyPublic,
            EquatableArray<LabelValueModel> values,
            SourceLocation attributeLocation,
            SourceLocation nameLocation)
        {
            Name = name;
            IsEnumTyped = isEnumTyped;
            TypeName = typeName;
            TypeDisplay = typeDisplay;
            TypeIsEnum = typeIsEnum;
            IsFlags = isFlags;
            Is64Bit = is64Bit;
            IsContiguous = isContiguous;
            TypeIsEffectivelyPublic = typeIsEffectivelyPublic;
            Values = values;
            AttributeLocation = attributeLocation;
            NameLocation = nameLocation;
        }

        public string? Name { get; }

        /// <summary>Declared with <c>[Label&lt;TEnum&gt;]</c> rather than an inline allowlist.</summary>
        public bool IsEnumTyped { get; }

        /// <summary>Fully qualified type argument (<c>global::Ns.StatusClass</c>) for enum-typed labels.</summary>
        public string? TypeName { get; }

        /// <summary>The type argument as people read it, for messages.</summary>
        public string? TypeDisplay { get; }

        public bool TypeIsEnum { get; }

        public bool IsFlags { get; }

        /// <summary>The enum's underlying type is long or ulong.</summary>
        public bool Is64Bit { get; }

        /// <summary>Inline labels, and enums whose members are exactly 0..n-1.</summary>
        public bool IsContiguous { get; }

        public bool TypeIsEffectivelyPublic { get; }

        /// <summary>Allowed values in ordinal order (enum members sorted by their constant).</summary>
        public EquatableArray<LabelValueModel> Values { get; }

        public SourceLocation AttributeLocation { get; }

        public SourceLocation NameLocation { get; }

        /// <summary>Name of the generated nested enum (inline labels) and the stride constant prefix.</summary>
        public string PascalName => Identifiers.PascalCase(Name ?? string.Empty);
    }

    /// <summary>One [Metric] declaration.</summary>
    internal sealed record MetricModel
    {
        public MetricModel(
            TypeShapeModel type,
            DeclaredMetricKind kind,
            string? name,
            string? help,
            string? unit,
            bool hasBuckets,
            EquatableArray<double> buckets,
            EquatableArray<LabelModel> labels,
            MetricModelLocations locations,
            ServiceLevelModel? serviceLevel = null,
            bool exemplars = false)
        {
            ServiceLevel = serviceLevel;
            Exemplars = exemplars;
            Type = type;
            Kind = kind;
            Name = name;
            Help = help;
            Unit = unit;
            HasBuckets = hasBuckets;
            Buckets = buckets;
            Labels = labels;
            Locations = locations;
        }

        public TypeShapeModel Type { get; }

        public DeclaredMetricKind Kind { get; }

        public string? Name { get; }

        public string? Help { get; }

        public string? Unit { get; }

        /// <summary>Buckets were given explicitly (otherwise a histogram uses the defaults).</summary>
        public bool HasBuckets { get; }

        public EquatableArray<double> Buckets { get; }

        public EquatableArray<LabelModel> Labels { get; }

        public MetricModelLocations Locations { get; }

        /// <summary><c>Exemplars = true</c>: the update methods record an exemplar from the active span.</summary>
        public bool Exemplars { get; }

        /// <summary>The service-level pair the metric belongs to (<c>ServiceLevel</c> on [Metric]), or null.</summary>
        public ServiceLevelModel? ServiceLevel { get; }
    }

    /// <summary>
    /// The <c>ServiceLevel</c>, <c>ErrorLabel</c> and <c>ErrorValues</c> of a [Metric]: a counter and a histogram
    /// sharing a <see cref="Name"/> form a pair, from which the rules file records request rate, error ratio and latency.
    /// </summary>
    internal sealed record ServiceLevelModel
    {
        public ServiceLevelModel(string? name, string? errorLabel, EquatableArray<string> errorValues, SourceLocation location)
        {
            Name = name;
            ErrorLabel = errorLabel;
            ErrorValues = errorValues;
            Location = location;
        }

        /// <summary>The pair's name; null when only <c>ErrorLabel</c> or <c>ErrorValues</c> was given (DSC212).</summary>
        public string? Name { get; }

        /// <summary>The counter's label whose <see cref="ErrorValues"/> mark failed requests; null when not given.</summary>
        public string? ErrorLabel { get; }

        public EquatableArray<string> ErrorValues { get; }

        /// <summary>The <c>ServiceLevel</c> argument.</summary>
        public SourceLocation Location { get; }
    }

    /// <summary>Where the parts of a [Metric] attribute were written (all none in the generator's model).</summary>
    internal sealed record MetricModelLocations
    {
        public MetricModelLocations(SourceLocation attribute, SourceLocation name, SourceLocation help, SourceLocation buckets, SourceLocation unit)
        {
            Attribute = attribute;
            Name = name;
            Help = help;
            Buckets = buckets;
            Unit = unit;
        }

        public static MetricModelLocations None { get; } = new MetricModelLocations(default, default, default, default, default);

        public SourceLocation Attribute { get; }

        public SourceLocation Name { get; }

        public SourceLocation Help { get; }

        public SourceLocation Buckets { get; }

        public SourceLocation Unit { get; }
    }
}
