// The text form of the metric contract: one line per metric, fields separated by one space, diff-friendly:
//   <name> <kind> [unit:<unit>] [<label>{<value>,<value>...}]... [buckets:<bound>,<bound>...]
//   sample_request_duration_seconds histogram unit:seconds status{2xx,4xx,5xx} buckets:0.005,0.01,0.5,1
// Labels sorted by name, values sorted ordinally, buckets ascending as round-trip numbers. A value or unit
// character that would break the form (%, space, comma, braces, control characters) is written %XX (UTF-8).
// Lines starting with # and blank lines are ignored; files are sorted by metric name (the code fix keeps them so).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DistriC.Contract
{
    internal static class MetricContractText
    {
        /// <summary>The file of the metrics a released version exposes (breaking changes to them are errors).</summary>
        public const string ShippedFileName = "DistricMetrics.Shipped.txt";

        /// <summary>The file of the metrics (and additions) not released yet.</summary>
        public const string UnshippedFileName = "DistricMetrics.Unshipped.txt";

        private const string UnitPrefix = "unit:";
        private const string BucketsPrefix = "buckets:";

        /// <summary>The line of <paramref name="entry"/>.</summary>
        public static string Format(MetricContractEntry entry)
        {
            var line = new StringBuilder(entry.Name).Append(' ').Append(entry.Kind);
            if (entry.Unit is not null)
            {
                line.Append(' ').Append(UnitPrefix).Append(Escape(entry.Unit));
            }

            foreach (MetricContractLabel label in entry.Labels)
            {
                line.Append(' ').Append(label.Name).Append('{').Append(string.Join(",", label.Values.Select(Escape))).Append('}');
            }

            if (entry.Buckets.Count > 0)
            {
                line.Append(' ').Append(BucketsPrefix).Append(string.Join(",", entry.Buckets));
            }

            return line.ToString();
        }

        /// <summary>A bucket bound as the contract writes it: shortest round-trip, invariant.</summary>
        public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>True for a line that carries no entry (blank or a # comment).</summary>
        public static bool IsIgnored(string line)
        {
            string trimmed = line.Trim();
            return trimmed.Length == 0 || trimmed[0] == '#';
        }

        /// <summary>Reads one line; null with <paramref name="error"/> set when it is not an entry.</summary>
        public static MetricContractEntry? Parse(string line, out string? error)
        {
            string[] fields = line.Trim().Split(' ');
            error = null;
            if (fields.Length < 2 || fields[0].Length == 0 || fields[1].Length == 0)
            {
                error = "expected '<name> <kind>' followed by optional unit:, label{...} and buckets: fields";
                return null;
            }

            string? unit = null;
            var labels = new List<MetricContractLabel>();
            var buckets = new List<string>();
            for (int i = 2; i < fields.Length && error is null; i++)
            {
                string field = fields[i];
                if (field.StartsWith(UnitPrefix, StringComparison.Ordinal))
                {
                    unit = Unescape(field.Substring(UnitPrefix.Length));
                }
                else if (field.StartsWith(BucketsPrefix, StringComparison.Ordinal))
                {
                    error = ReadBuckets(field.Substring(BucketsPrefix.Length), buckets);
                }
                else if (field.IndexOf('{') is int open && open > 0 && field[field.Length - 1] == '}')
                {
                    string values = field.Substring(open + 1, field.Length - open - 2);
                    labels.Add(new MetricContractLabel(field.Substring(0, open), values.Length == 0 ? Array.Empty<string>() : values.Split(',').Select(Unescape)));
                }
                else
                {
                    error = $"field '{field}' is neither unit:<unit>, <label>{{<values>}} nor buckets:<bounds>";
                }
            }

            return error is null ? new MetricContractEntry(fields[0], fields[1], unit, labels, buckets) : null;
        }

        private static string? ReadBuckets(string text, List<string> buckets)
        {
            foreach (string bound in text.Split(','))
            {
                if (!double.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    return $"bucket bound '{bound}' is not a number";
                }

                buckets.Add(Number(value));
            }

            return null;
        }

        private static string Escape(string text)
        {
            var escaped = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (c == '%' || c == ' ' || c == ',' || c == '{' || c == '}' || char.IsControl(c))
                {
                    foreach (byte b in Encoding.UTF8.GetBytes(c.ToString()))
                    {
                        escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                    }
                }
                else
                {
                    escaped.Append(c);
                }
            }

            return escaped.ToString();
        }

        private static string Unescape(string text)
        {
            if (text.IndexOf('%') < 0)
            {
                return text;
            }

            var bytes = new List<byte>(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '%' && i + 2 < text.Length && Hex(text[i + 1]) is int high && Hex(text[i + 2]) is int low)
                {
                    bytes.Add((byte)((high << 4) | low));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }

        private static int? Hex(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : null;
    }
}
