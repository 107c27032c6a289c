// One baseline file of the metric contract (DistricMetrics.Shipped.txt or DistricMetrics.Unshipped.txt), read from
// the compilation's AdditionalFiles: its entries by metric name, each with the location of its line (diagnostics
// about a removed metric point there), and its unreadable or duplicate lines (DSC211).
using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using DistriC.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DistriC.Analyzers.Metrics
{
    internal sealed class MetricBaselineFile
    {
        private MetricBaselineFile(string fileName)
        {
            FileName = fileName;
        }

        public string FileName { get; }

        /// <summary>Entries by metric name, with the location of their line, in file order.</summary>
        public Dictionary<string, (MetricContractEntry Entry, Location Line)> Entries { get; } = new(StringComparer.Ordinal);

        /// <summary>Lines that are not entries (or repeat a metric), with the reason.</summary>
        public List<(Location Line, string Reason)> Invalid { get; } = new();

        /// <summary>The file called <paramref name="fileName"/> among <paramref name="files"/>, or null when the project has none.</summary>
        public static MetricBaselineFile? Find(IEnumerable<AdditionalText> files, string fileName, CancellationToken cancellationToken)
        {
            foreach (AdditionalText file in files)
            {
                if (string.Equals(Path.GetFileName(file.Path), fileName, StringComparison.OrdinalIgnoreCase)
                    && file.GetText(cancellationToken) is { } text)
                {
                    return Read(file.Path, fileName, text);
                }
            }

            return null;
        }

        /// <summary>An empty file: the other one of the pair when only one exists.</summary>
        public static MetricBaselineFile Empty(string fileName) => new(fileName);

        private static MetricBaselineFile Read(string path, string fileName, SourceText text)
        {
            var file = new MetricBaselineFile(fileName);
            foreach (TextLine line in text.Lines)
            {
                string content = line.ToString();
                if (MetricContractText.IsIgnored(content))
                {
                    continue;
                }

                Location location = Location.Create(path, line.Span, text.Lines.GetLinePositionSpan(line.Span));
                MetricContractEntry? entry = MetricContractText.Parse(content, out string? error);
                if (entry is null)
                {
                    file.Invalid.Add((location, error!));
                }
                else if (file.Entries.ContainsKey(entry.Name))
                {
                    file.Invalid.Add((location, $"metric '{entry.Name}' is already listed"));
                }
                else
                {
                    file.Entries.Add(entry.Name, (entry, location));
                }
            }

            return file;
        }
    }
}
