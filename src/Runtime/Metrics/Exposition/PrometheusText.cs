using System;

namespace DistriC.Exposition;

/// <summary>Prometheus text format 0.0.4: the registered name everywhere, HELP before TYPE, no unit, no terminator.</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Written after the last family: nothing.</summary>
    public static readonly byte[] Terminator = Array.Empty<byte>();

    /// <summary>Encodes this format's fragments of a family, once, at registration.</summary>
    public static TextFamily Encode(FamilyHeader header, double[] buckets)
    {
        string help = header.Help.Length > 0 ? "# HELP " + header.Name + " " + TextEscaping.EscapeHelp(header.Help) + "\n" : string.Empty;
        return new TextFamily(help + "# TYPE " + header.Name + " " + header.PrometheusTypeName + "\n", header.Name, header.Name, buckets);
    }
}
