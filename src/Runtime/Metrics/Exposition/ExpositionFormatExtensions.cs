namespace DistriC;

/// <summary>HTTP metadata of the <see cref="ExpositionFormat"/> values.</summary>
public static class ExpositionFormatExtensions
{
    /// <summary>The HTTP <c>Content-Type</c> header value for <paramref name="format"/>, version and charset included.</summary>
    /// <param name="format">The exposition format.</param>
    /// <returns>The content type string.</returns>
    public static string ContentType(this ExpositionFormat format) => Exposition.TextFormats.ContentType(format);
}
