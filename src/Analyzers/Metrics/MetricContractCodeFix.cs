// DSC201, DSC208, DSC209: writes the declared metric's contract line into DistricMetrics.Unshipped.txt (an additional
// document), replacing that metric's old line if there is one, keeping the entries sorted by name and the comments
// where they are. Creates the file beside DistricMetrics.Shipped.txt when the project has only that one.
using System;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Contract;
using DistriC.Metrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace DistriC.Analyzers.Metrics
{
    /// <summary>Records a metric (or its new labels and values) in <c>DistricMetrics.Unshipped.txt</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MetricContractCodeFix))]
    [Shared]
    public sealed class MetricContractCodeFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            MetricContractDiagnostics.NotRecorded.Id,
            MetricContractDiagnostics.AdditionNotRecorded.Id,
            MetricContractDiagnostics.UnshippedOutOfDate.Id);

        /// <inheritdoc/>
        /// <remarks>None: each fix rewrites one shared file, which the batch fixer cannot merge; fix the metrics one by one.</remarks>
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc/>
        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(MetricContractDiagnostics.LineProperty, out string? line) || line is null
                    || !diagnostic.Properties.TryGetValue(MetricContractDiagnostics.NameProperty, out string? name) || name is null)
                {
                    continue;
                }

                Project project = context.Document.Project;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Record '{name}' in {MetricContractText.UnshippedFileName}",
                        cancellationToken => RecordAsync(project, name, line, cancellationToken),
                        equivalenceKey: nameof(MetricContractCodeFix) + ":" + name),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Solution> RecordAsync(Project project, string name, string line, CancellationToken cancellationToken)
        {
            TextDocument? unshipped = Find(project, MetricContractText.UnshippedFileName);
            if (unshipped is null)
            {
                string? folder = Path.GetDirectoryName(Find(project, MetricContractText.ShippedFileName)?.FilePath ?? project.FilePath ?? string.Empty);
                string? path = string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, MetricContractText.UnshippedFileName);
                return project.AddAdditionalDocument(MetricContractText.UnshippedFileName, SourceText.From(line + "\n"), filePath: path).Project.Solution;
            }

            SourceText text = await unshipped.GetTextAsync(cancellationToken).ConfigureAwait(false);
            string updated = WithLine(text.ToString(), name, line);
            return project.Solution.WithAdditionalDocumentText(unshipped.Id, SourceText.From(updated, text.Encoding));
        }

        /// <summary><paramref name="content"/> with <paramref name="name"/>'s entry replaced by (or sorted in as) <paramref name="line"/>.</summary>
        internal static string WithLine(string content, string name, string line)
        {
            var lines = content.Replace("\r\n", "\n").Split('\n').ToList();
            if (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            lines.RemoveAll(l => NameOf(l) == name);
            int at = lines.FindIndex(l => NameOf(l) is { } other && string.CompareOrdinal(other, name) > 0);
            lines.Insert(at < 0 ? lines.Count : at, line);
            return string.Join("\n", lines) + "\n";
        }

        private static string? NameOf(string line) =>
            MetricContractText.IsIgnored(line) ? null : line.Trim().Split(' ')[0];

        private static TextDocument? Find(Project project, string fileName) =>
            project.AdditionalDocuments.FirstOrDefault(d => string.Equals(Path.GetFileName(d.FilePath ?? d.Name), fileName, StringComparison.OrdinalIgnoreCase));
    }
}
