// The OpenTelemetry-to-Prometheus translation of instrument names, units and tag keys, compiled into the runtime
// (the MeterBridge names what it bridges) and into the generator and analyzers (a [MeterInstrument] declaration is
// checked under the name it will have). Keep this file netstandard2.0-compatible and free of dependencies.
using System;
using System.Text;

namespace DistriC
{
    /// <summary>
    /// The OpenTelemetry-to-Prometheus name translation that dashboards query (the OpenTelemetry specification's
    /// "Prometheus and OpenMetrics compatibility"): characters outside <c>[a-zA-Z0-9_:]</c> become <c>_</c>, the unit
    /// becomes a suffix, counters end in <c>_total</c>; plus one rule of ours so every name passes <c>promtool check
    /// metrics</c> (see <see cref="MetricName"/>).
    /// </summary>
    internal static class PrometheusNaming
    {
        /// <summary>Appended to a counter's name.</summary>
        public const string TotalSuffix = "_total";

        /// <summary>
        /// Appended to a gauge whose translated name ends in a suffix Prometheus reserves for histograms and summaries
        /// (<c>_count</c>, <c>_sum</c>, <c>_bucket</c>) or for counters (<c>_total</c>, also on a histogram), which promtool
        /// rejects on any other type: <c>dotnet.timer.count</c> becomes <c>dotnet_timer_count_current</c>.
        /// </summary>
        public const string ReservedSuffixEscape = "_current";

        private static readonly string[] ReservedSuffixes = { "_count", "_sum", "_bucket", TotalSuffix };

        /// <summary>
        /// The unit the bridge names and records in, and the factor from the instrument's unit: the units promtool calls
        /// non-base (<c>ms</c>, <c>us</c>, <c>ns</c>, <c>min</c>, <c>h</c>, <c>d</c>; <c>KiBy</c> … <c>TBy</c>) become seconds and
        /// bytes, so <c>ms</c> is recorded ×0.001 under <c>_seconds</c>. Other units are kept with factor 1.
        /// </summary>
        public static (string? Unit, double Scale) ToBaseUnit(string? unit) => unit switch
        {
            "ms" => ("s", 1e-3),
            "us" => ("s", 1e-6),
            "ns" => ("s", 1e-9),
            "min" => ("s", 60),
            "h" => ("s", 3600),
            "d" => ("s", 86400),
            "KiBy" => ("By", 1024),
            "MiBy" => ("By", 1024.0 * 1024),
            "GiBy" => ("By", 1024.0 * 1024 * 1024),
            "TiBy" => ("By", 1024.0 * 1024 * 1024 * 1024),
            "KBy" => ("By", 1e3),
            "MBy" => ("By", 1e6),
            "GBy" => ("By", 1e9),
            "TBy" => ("By", 1e12),
            _ => (unit, 1),
        };

        /// <summary>The Prometheus name of an instrument.</summary>
        /// <param name="instrumentName">The instrument's name, e.g. <c>http.server.request.duration</c>.</param>
        /// <param name="unit">Its UCUM unit, e.g. <c>s</c>, <c>By</c>, <c>{request}</c>; null or empty for none.</param>
        /// <param name="kind">Its exposed kind: counters get <c>_total</c>, histograms keep the reserved suffixes.</param>
        public static string MetricName(string instrumentName, string? unit, MetricKindInfo kind)
        {
            string name = Sanitize(instrumentName, collapseUnderscores: true);
            if (name.EndsWith(TotalSuffix, StringComparison.Ordinal) && kind == MetricKinds.Counter)
            {
                name = name.Substring(0, name.Length - TotalSuffix.Length);
            }

            string suffix = UnitSuffix(unit, kind);
            if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
            {
                name += "_" + suffix;
            }

            if (kind == MetricKinds.Counter)
            {
                return name + TotalSuffix;
            }

            foreach (string reserved in ReservedSuffixes)
            {
                // A histogram writes _count, _sum and _bucket itself, so only _total is reserved for it.
                if (name.EndsWith(reserved, StringComparison.Ordinal) && (kind == MetricKinds.Gauge || reserved == TotalSuffix))
                {
                    return name + ReservedSuffixEscape;
                }
            }

            return name;
        }

        /// <summary>
        /// The Prometheus label name of a tag key: invalid characters become <c>_</c>; a key starting with a digit gets
        /// <c>key_</c> in front, one starting with <c>__</c> (reserved by Prometheus) <c>key</c>.
        /// </summary>
        public static string LabelName(string tagKey)
        {
            string name = Sanitize(tagKey, collapseUnderscores: false, allowColon: false);
            if (name.Length > 0 && name[0] >= '0' && name[0] <= '9')
            {
                return "key_" + name;
            }

            return name.StartsWith("__", StringComparison.Ordinal) ? "key" + name : name;
        }

        /// <summary>
        /// The OpenMetrics unit of a family named <paramref name="name"/> whose base unit is <paramref name="baseUnit"/>
        /// (from <see cref="ToBaseUnit"/>): its word, when the name ends in it; null otherwise (then no unit is exposed).
        /// </summary>
        public static string? ExposedUnit(string name, string? baseUnit, MetricKindInfo kind)
        {
            string unit = UnitWord(baseUnit);
            return unit.Length > 0 && MetricRules.HasUnitSuffix(kind == MetricKinds.Counter ? TotalSuffix : null, name, unit) ? unit : null;
        }

        /// <summary>The OpenMetrics unit word of a UCUM unit (<c>s</c> → <c>seconds</c>), or empty for none.</summary>
        public static string UnitWord(string? unit) => UnitSuffix(unit, MetricKinds.Counter);

        private static string UnitSuffix(string? unit, MetricKindInfo kind)
        {
            if (unit is null || unit.Length == 0)
            {
                return string.Empty;
            }

            string stripped = StripAnnotations(unit).Trim();
            if (stripped.Length == 0)
            {
                return string.Empty;
            }

            if (stripped == "1")
            {
                return kind == MetricKinds.Gauge ? "ratio" : string.Empty;
            }

            int slash = stripped.IndexOf('/');
            if (slash >= 0)
            {
                string per = stripped.Substring(0, slash);
                string of = stripped.Substring(slash + 1);
                string left = per.Length == 0 ? string.Empty : MainUnit(per);
                string right = PerUnit(of);
                return left.Length == 0 ? "per_" + right : left + "_per_" + right;
            }

            return MainUnit(stripped);
        }

        private static string MainUnit(string unit) => unit switch
        {
            "d" => "days",
            "h" => "hours",
            "min" => "minutes",
            "s" => "seconds",
            "ms" => "milliseconds",
            "us" => "microseconds",
            "ns" => "nanoseconds",
            "By" => "bytes",
            "KiBy" => "kibibytes",
            "MiBy" => "mebibytes",
            "GiBy" => "gibibytes",
            "TiBy" => "tibibytes",
            "KBy" => "kilobytes",
            "MBy" => "megabytes",
            "GBy" => "gigabytes",
            "TBy" => "terabytes",
            "m" => "meters",
            "V" => "volts",
            "A" => "amperes",
            "J" => "joules",
            "W" => "watts",
            "g" => "grams",
            "Cel" => "celsius",
            "Hz" => "hertz",
            "%" => "percent",
            _ => Sanitize(unit, collapseUnderscores: true, allowColon: false).Trim('_'),
        };

        private static string PerUnit(string unit) => unit switch
        {
            "s" => "second",
            "m" => "minute",
            "h" => "hour",
            "d" => "day",
            "w" => "week",
            "mo" => "month",
            "y" => "year",
            _ => MainUnit(unit),
        };

        /// <summary>Removes UCUM annotations in braces: <c>{request}</c> → empty, <c>By/{packet}</c> → <c>By/</c>.</summary>
        private static string StripAnnotations(string unit)
        {
            if (unit.IndexOf('{') < 0)
            {
                return unit;
            }

            var result = new StringBuilder(unit.Length);
            int depth = 0;
            foreach (char c in unit)
            {
                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && depth > 0)
                {
                    depth--;
                }
                else if (depth == 0)
                {
                    result.Append(c);
                }
            }

            string stripped = result.ToString();
            return stripped.Length > 0 && stripped[stripped.Length - 1] == '/' ? stripped.Substring(0, stripped.Length - 1) : stripped;
        }

        private static string Sanitize(string text, bool collapseUnderscores, bool allowColon = true)
        {
            var result = new StringBuilder(text.Length + 1);
            foreach (char c in text)
            {
                bool valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (allowColon && c == ':');
                char next = valid ? c : '_';
                if (collapseUnderscores && next == '_' && result.Length > 0 && result[result.Length - 1] == '_')
                {
                    continue;
                }

                result.Append(next);
            }

            if (result.Length == 0)
            {
                return "_";
            }

            if (allowColon && result[0] >= '0' && result[0] <= '9')
            {
                result.Insert(0, '_');
            }

            return result.ToString();
        }
    }
}
