using System;

namespace DistriC.Exposition;

/// <summary>
/// OpenMetrics 1.0 text: TYPE, UNIT, HELP; a counter family is named without its <c>_total</c> and its
/// samples with it (an info family likewise without and with <c>_info</c>); quotes escaped in HELP; counters and
/// histograms have <c>_created</c> samples and carry exemplars; the exposition ends with <c># EOF</c>.
/// </summary>
internal static class OpenMetricsText
{
    public const string ContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>Written after the last family.</summary>
    public static readonly byte[] Terminator = "# EOF\n"u8.ToArray();

    /// <summary>The version this format writes, as the <c>version=</c> parameter of its media type says it.</summary>
    public const string Version = "1.0.0";

    /// <summary>Encodes this format's fragments of a family, once, at registration.</summary>
    public static TextFamily Encode(FamilyHeader header, double[] buckets)
    {
        MetricKindInfo kind = MetricKinds.Get((int)header.Kind);
        bool isCounter = kind == MetricKinds.Counter;
        // The family is named without the kind's sample suffix (_total, _info) and its samples with it.
        string? suffix = kind.NameSuffix;
        string family = suffix is not null && header.Name.EndsWith(suffix, StringComparison.Ordinal)
            ? header.Name[..^suffix.Length]
            : header.Name;
        string metadata = "# TYPE " + family + " " + header.OpenMetricsTypeName + "\n"
            + (header.Unit is null ? string.Empty : "# UNIT " + family + " " + header.Unit + "\n")
            + (header.Help.Length > 0 ? "# HELP " + family + " " + TextEscaping.EscapeHelpAndQuotes(header.Help) + "\n" : string.Empty);
        string valueName = suffix is null ? header.Name : family + suffix;
        string? created = header.CreatedUnixSeconds is null ? null : (isCounter ? family : header.Name) + "_created";
        return new TextFamily(metadata, valueName, header.Name, buckets, created, header.CreatedUnixSeconds ?? 0, writesExemplars: true);
    }
}
