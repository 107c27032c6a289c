using System;

namespace DistriC.Exposition;

/// <summary>
/// OpenMetrics 1.0 text: TYPE, UNIT, HELP; a counter family is named without its <c>_total</c> and its
/// samples with it; quotes escaped in HELP; the exposition ends with <c># EOF</c>.
/// </summary>
internal static class OpenMetricsText
{
    public const string ContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>Written after the last family.</summary>
    public static readonly byte[] Terminator = "# EOF\n"u8.ToArray();

    private const string TotalSuffix = "_total";

    /// <summary>Encodes this format's fragments of a family, once, at registration.</summary>
    public static TextFamily Encode(FamilyHeader header, double[] buckets)
    {
        bool isCounter = header.Kind == MetricKind.Counter;
        string family = isCounter && header.Name.EndsWith(TotalSuffix, StringComparison.Ordinal)
            ? header.Name[..^TotalSuffix.Length]
            : header.Name;
        string metadata = "# TYPE " + family + " " + header.OpenMetricsTypeName + "\n"
            + (header.Unit is null ? string.Empty : "# UNIT " + family + " " + header.Unit + "\n")
            + (header.Help.Length > 0 ? "# HELP " + family + " " + TextEscaping.EscapeHelpAndQuotes(header.Help) + "\n" : string.Empty);
        return new TextFamily(metadata, isCounter ? family + TotalSuffix : header.Name, header.Name, buckets);
    }
}
