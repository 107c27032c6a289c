// Writes the members of one valid [Metric] class. The hot path of every update is: per label a
// range check of the enum's ordinal (a cast for 0..n-1 enums, a switch the JIT turns into a table
// otherwise), one multiply-add per label with constant strides, then one atomic operation in the
// runtime's cells. An ordinal out of range yields index -1, which the cells drop and count as
// invalid_label; nothing throws and nothing is written out of bounds.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DistriC.Generators;
using DistriC.Metrics;

namespace DistriC.Generator.Metrics
{
    internal static class MetricSourceEmitter
    {
        private const string Infrastructure = "global::DistriC.Infrastructure.";
        private const string Status = "global::DistriC.DistricStatus";
        private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

        /// <summary>
        /// <c>Ns.Outer+Inner.Metric.g.cs</c>: nesting is written with <c>+</c>, so a nested class never
        /// shares a hint name with a namespaced one (<c>Ns.A</c> in namespace <c>Ns</c> vs class <c>A</c> nested in class <c>Ns</c>).
        /// </summary>
        public static string HintName(MetricModel model)
        {
            TypeHierarchy hierarchy = model.Type.Hierarchy;
            string nested = string.Join("+", hierarchy.Types.Select(t => t.Name));
            return (hierarchy.Namespace.Length == 0 ? string.Empty : hierarchy.Namespace + ".") + nested + ".Metric.g.cs";
        }

        public static string Emit(MetricModel model, string generatedCode) =>
            GeneratedFile.Write(model.Type.Hierarchy, marker: null, w => new Members(model, generatedCode, w).Write());

        /// <summary>The members of one class; a small object so the pieces share the model.</summary>
        private sealed class Members
        {
            private readonly MetricModel _model;
            private readonly string _generatedCode;
            private readonly SourceWriter _w;
            private readonly string _access;
            private readonly string _valueName;
            private readonly string _exemplarName;
            private readonly string _cellsType;
            private readonly MetricKindInfo _kind;
            private bool _wroteMember;

            public Members(MetricModel model, string generatedCode, SourceWriter writer)
            {
                _model = model;
                _generatedCode = generatedCode;
                _w = writer;
                // A public class whose label enum is not public gets internal methods (CS0051 otherwise).
                _access = model.Type.IsEffectivelyPublic && model.Labels.Any(l => !l.TypeIsEffectivelyPublic) ? "internal" : "public";
                var labelNames = new HashSet<string>(model.Labels.Select(l => l.Name!));
                // The amount parameter is "value" unless a label took that name.
                _valueName = labelNames.Contains("value") ? "amount" : "value";
                while (labelNames.Contains(_valueName))
                {
                    _valueName += "_";
                }

                _exemplarName = "exemplar";
                while (labelNames.Contains(_exemplarName))
                {
                    _exemplarName += "_";
                }
                // An unknown kind throws (the generator turns that into an #error); the validator rejects it before this.
                _kind = MetricKinds.Get((int)model.Kind);
                _cellsType = Infrastructure + _kind.CellsType;
            }

            private EquatableArray<LabelModel> Labels => _model.Labels;

            /// <summary>A blank line between members, none before the first.</summary>
            private void Gap()
            {
                if (_wroteMember)
                {
                    _w.Line();
                }

                _wroteMember = true;
            }

            public void Write()
            {
                foreach (LabelModel label in Labels)
                {
                    if (!label.IsEnumTyped)
                    {
                        WriteLabelEnum(label);
                    }
                }

                WriteConstants();
                WriteStorage();
                WriteConstructor();
                switch (_model.Kind)
                {
                    case DeclaredMetricKind.Info:
                        // One fixed series, always 1: nothing to update, so no methods and no index.
                        return;
                    case DeclaredMetricKind.Counter:
                        WriteCounter();
                        break;
                    case DeclaredMetricKind.Gauge:
                        WriteGauge();
                        break;
                    case DeclaredMetricKind.Histogram:
                        WriteHistogram();
                        break;
                    default:
                        throw new InvalidOperationException($"No generated methods for metric kind {_kind.Name}: add them to MetricSourceEmitter and MetricStandInEmitter.");
                }

                WriteIndex();
            }

            private void WriteLabelEnum(LabelModel label)
            {
                Gap();
                _w.Line($"/// <summary>Allowed values of the <c>{Xml(label.Name!)}</c> label of <c>{Xml(_model.Name!)}</c>.</summary>");
                _w.Line(_generatedCode);
                _w.Line($"public enum {label.PascalName}");
                _w.Open();
                for (int i = 0; i < label.Values.Count; i++)
                {
                    LabelValueModel value = label.Values[i];
                    _w.Line($"/// <summary>Exposed as <c>{Xml(label.Name!)}=\"{Xml(value.Value!)}\"</c>.</summary>");
                    _w.Line($"[global::DistriC.LabelValue({SourceLiterals.String(value.Value!)})]");
                    _w.Line($"{value.Identifier} = {i.ToString(CultureInfo.InvariantCulture)},");
                }

                _w.Close();
            }

            private void WriteConstants()
            {
                long cardinality = MetricValidator.Cardinality(_model);
                Gap();
                _w.Line("/// <summary>Number of label combinations, i.e. series, of this metric (product of the allowlist sizes; 1 when unlabelled).</summary>");
                _w.Line(_generatedCode);
                _w.Line($"public const int Cardinality = {cardinality.ToString(CultureInfo.InvariantCulture)};");

                // Row-major flat index: the last label varies fastest (stride 1), computed as the runtime lays cells out.
                int[] strides = MetricValidator.Strides(_model);

                for (int d = 0; d < Labels.Count; d++)
                {
                    if (d == 0)
                    {
                        Gap();
                    }

                    _w.Line($"private const int {MetricIdentifiers.Stride(Labels[d].PascalName)} = {strides[d].ToString(CultureInfo.InvariantCulture)};");
                }
            }

            private void WriteStorage()
            {
                Gap();
                _w.Line($"private static readonly {Infrastructure}MetricDescriptor s_districDescriptor = new {Infrastructure}MetricDescriptor(");
                _w.Indent();
                _w.Line($"global::DistriC.MetricKind.{_kind.Name},");
                _w.Line(SourceLiterals.String(_model.Name!) + ",");
                _w.Line((_model.Help is null ? "null" : SourceLiterals.String(_model.Help)) + ",");
                _w.Line(DescriptorLiterals.LabelNames(_model, "null") + ",");
                DescriptorLiterals.WriteLabelValues(_w, _model, "null");
                _w.Line((_model.HasBuckets ? DescriptorLiterals.Doubles(_model.Buckets, "new double[0]") : "null") + ",");
                _w.Line((_model.Unit is null ? "null" : SourceLiterals.String(_model.Unit)) + (_model.Exemplars ? ")" : ");"));
                _w.Dedent();
                if (_model.Exemplars)
                {
                    _w.Line("{");
                    _w.Indent();
                    _w.Line("Exemplars = true,");
                    _w.Dedent();
                    _w.Line("};");
                }

                if (_kind.CellsType.Length > 0)
                {
                    _w.Line();
                    _w.Line($"private readonly {_cellsType} _districCells;");
                }
            }

            private void WriteConstructor()
            {
                Gap();
                string register = _kind.RegisterMethod;
                _w.Line($"/// <summary>Registers <c>{Xml(_model.Name!)}</c> in <paramref name=\"registry\"/>; the registry encodes its exposition once, here.</summary>");
                _w.Line("/// <param name=\"registry\">The registry that stores and exposes the metric.</param>");
                _w.Line("/// <exception cref=\"global::DistriC.MetricRegistrationException\">The name is already registered, or the registry is full or frozen.</exception>");
                _w.Line(_generatedCode);
                _w.Line($"public {_model.Type.Name}(global::DistriC.MetricRegistry registry)");
                _w.Open();
                _w.Line(_kind.CellsType.Length > 0
                    ? $"_districCells = {Infrastructure}MetricRegistration.{register}(registry, s_districDescriptor);"
                    : $"{Infrastructure}MetricRegistration.{register}(registry, s_districDescriptor);");
                _w.Close();
            }

            private void WriteCounter()
            {
                if (_model.Exemplars)
                {
                    // Chosen here, not at run time: a metric without exemplars keeps the exact code it had before.
                    Update("Inc", "Adds one to the series of the given labels; a sampled active span may become its exemplar.", null, "_districCells.IncrementWithExemplar({0})");
                    Update("Add", "Adds a non-negative amount to the series of the given labels (a negative amount is dropped and counted as invalid_value); a sampled active span may become its exemplar.", "long", "_districCells.AddWithExemplar({0}, {1})");
                    Update("Inc", "Adds one to the series of the given labels, offering the given trace context as its exemplar.", null, "_districCells.Add({0}, 1L, {2})", exemplar: true);
                    Update("Add", "Adds a non-negative amount to the series of the given labels, offering the given trace context as its exemplar.", "long", "_districCells.Add({0}, {1}, {2})", exemplar: true);
                }
                else
                {
                    Update("Inc", "Adds one to the series of the given labels.", null, "_districCells.Increment({0})");
                    Update("Add", "Adds a non-negative amount to the series of the given labels; a negative amount is dropped and counted as invalid_value.", "long", "_districCells.Add({0}, {1})");
                }

                Read("Get", "long", "The current value of the series of the given labels (0 for a label value out of range).", "_districCells.Get({0})");
            }

            private void WriteGauge()
            {
                Update("Set", "Sets the series of the given labels.", "double", "_districCells.Set({0}, {1})", "The new value.");
                Update("Inc", "Adds one to the series of the given labels.", null, "_districCells.Add({0}, 1.0)");
                Update("Dec", "Subtracts one from the series of the given labels.", null, "_districCells.Add({0}, -1.0)");
                Update("Add", "Adds an amount (which may be negative) to the series of the given labels.", "double", "_districCells.Add({0}, {1})");
                Read("Get", "double", "The current value of the series of the given labels (0 for a label value out of range).", "_districCells.Get({0})");
            }

            private void WriteHistogram()
            {
                if (_model.Exemplars)
                {
                    Update("Observe", "Records an observation in the series of the given labels (NaN is dropped and counted as invalid_value); a sampled active span may become its bucket's exemplar.", "double", "_districCells.ObserveWithExemplar({0}, {1})", "The observed value.");
                    Update("Observe", "Records an observation in the series of the given labels, offering the given trace context as its bucket's exemplar.", "double", "_districCells.Observe({0}, {1}, {2})", "The observed value.", exemplar: true);
                }
                else
                {
                    Update("Observe", "Records an observation in the series of the given labels; NaN is dropped and counted as invalid_value.", "double", "_districCells.Observe({0}, {1})", "The observed value.");
                }

                Read("GetCount", "long", "The number of observations in the series of the given labels (0 for a label value out of range).", "_districCells.GetCount({0})");
                Read("GetSum", "double", "The sum of the observations in the series of the given labels (0 for a label value out of range).", "_districCells.GetSum({0})");
            }

            private void Update(string name, string summary, string? valueType, string call, string valueDoc = "The amount.", bool exemplar = false)
            {
                Gap();
                _w.Line($"/// <summary>{summary}</summary>");
                WriteLabelParamDocs();
                if (valueType is not null)
                {
                    _w.Line($"/// <param name=\"{_valueName}\">{valueDoc}</param>");
                }

                if (exemplar)
                {
                    _w.Line($"/// <param name=\"{_exemplarName}\">The trace context to link (e.g. <c>span.Context</c>); used when valid and sampled.</param>");
                }

                _w.Line("/// <returns><c>DistricStatus.Ok</c>; <c>InvalidLabel</c> or <c>InvalidValue</c> when the update was dropped and counted.</returns>");
                _w.Line(_generatedCode);
                _w.Line(Inline);
                var parameters = new List<string>();
                if (Labels.Count > 0)
                {
                    parameters.Add(LabelParameters());
                }

                if (valueType is not null)
                {
                    parameters.Add(valueType + " " + _valueName);
                }

                if (exemplar)
                {
                    parameters.Add("in global::DistriC.TraceContext " + _exemplarName);
                }

                _w.Line($"{_access} {Status} {name}({string.Join(", ", parameters)}) => {string.Format(CultureInfo.InvariantCulture, call, IndexCall(), _valueName, _exemplarName)};");
            }

            private void Read(string name, string type, string summary, string call)
            {
                Gap();
                _w.Line($"/// <summary>{summary}</summary>");
                WriteLabelParamDocs();
                _w.Line("/// <returns>The value read.</returns>");
                _w.Line(_generatedCode);
                _w.Line($"{_access} {type} {name}({LabelParameters()}) => {string.Format(CultureInfo.InvariantCulture, call, IndexCall())};");
            }

            /// <summary>
            /// The one private helper: each label's ordinal is computed inline (no method per label), range-checked,
            /// and combined with the constant strides.
            /// </summary>
            private void WriteIndex()
            {
                Gap();
                _w.Line(Inline);
                _w.Line($"private static int DistricIndex({LabelParameters()})");
                _w.Open();
                if (Labels.Count == 0)
                {
                    _w.Line("return 0;");
                }
                else
                {
                    var checks = new List<string>();
                    var terms = new List<string>();
                    for (int d = 0; d < Labels.Count; d++)
                    {
                        LabelModel label = Labels[d];
                        WriteOrdinal(d, label);
                        checks.Add($"__ordinal{d} < {label.Values.Count.ToString(CultureInfo.InvariantCulture)}u");
                        terms.Add($"(__ordinal{d} * {MetricIdentifiers.Stride(label.PascalName)})");
                    }

                    _w.Line($"return {string.Join(" && ", checks)} ? unchecked((int)({string.Join(" + ", terms)})) : -1;");
                }

                _w.Close();
            }

            /// <summary><c>uint __ordinal{d} = ...;</c>: the position of the label's value in its allowlist, <c>uint.MaxValue</c> (or any value of n and above) when it has none.</summary>
            private void WriteOrdinal(int d, LabelModel label)
            {
                string type = LabelType(label);
                string value = Identifiers.Escape(label.Name!);
                string n = label.Values.Count.ToString(CultureInfo.InvariantCulture);
                string local = $"uint __ordinal{d.ToString(CultureInfo.InvariantCulture)} = ";
                if (label.IsContiguous && !label.Is64Bit)
                {
                    // Members are exactly 0..n-1: the value is the ordinal (a negative one wraps above n).
                    _w.Line($"{local}unchecked((uint){value});");
                }
                else if (label.IsContiguous)
                {
                    _w.Line($"{local}unchecked((ulong){value}) < {n}UL ? unchecked((uint){value}) : uint.MaxValue;");
                }
                else
                {
                    // Sparse or negative constants: a switch over the members, which the JIT compiles to a table or a search.
                    _w.Line($"{local}{value} switch");
                    _w.Open();
                    for (int i = 0; i < label.Values.Count; i++)
                    {
                        _w.Line($"{type}.{Identifiers.Escape(label.Values[i].Identifier)} => {i.ToString(CultureInfo.InvariantCulture)}u,");
                    }

                    _w.Line("_ => uint.MaxValue,");
                    _w.Close(";");
                }
            }

            private void WriteLabelParamDocs()
            {
                foreach (LabelModel label in Labels)
                {
                    _w.Line($"/// <param name=\"{label.Name}\">Value of the <c>{Xml(label.Name!)}</c> label.</param>");
                }
            }

            private string LabelParameters() =>
                string.Join(", ", Labels.Select(l => LabelType(l) + " " + Identifiers.Escape(l.Name!)));

            private string IndexCall() => "DistricIndex(" + string.Join(", ", Labels.Select(l => Identifiers.Escape(l.Name!))) + ")";

            private static string LabelType(LabelModel label) => label.IsEnumTyped ? label.TypeName! : label.PascalName;

            private static string Xml(string text) => SourceText.Xml(text);
        }
    }
}
