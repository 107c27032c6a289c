using Microsoft.AspNetCore.Http;

namespace DistriC.Hosting.Tracing;

/// <summary>
/// The OpenTelemetry HTTP semantic-convention attribute names and the pre-made values the spans carry, so that tagging a
/// request allocates nothing: methods, status codes and protocol versions come from fixed tables.
/// </summary>
internal static class HttpSemanticConventions
{
    public const string RequestMethod = "http.request.method";
    public const string RequestMethodOriginal = "http.request.method_original";
    public const string Route = "http.route";
    public const string ResponseStatusCode = "http.response.status_code";
    public const string UrlPath = "url.path";
    public const string UrlScheme = "url.scheme";
    public const string UrlFull = "url.full";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ProtocolVersion = "network.protocol.version";
    public const string ErrorType = "error.type";

    /// <summary>The method value for a method outside the standard set (the original goes to <see cref="RequestMethodOriginal"/>).</summary>
    public const string OtherMethod = "_OTHER";

    /// <summary>The span name's method part for a method outside the standard set, as the conventions ask.</summary>
    public const string OtherMethodSpanName = "HTTP";

    private static readonly string[] s_statusCodes = CreateStatusCodes();

    /// <summary>The standard methods (RFC 9110 and PATCH), in the order of <see cref="MethodIndex"/>.</summary>
    public static readonly string[] StandardMethods =
    [
        HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete,
        HttpMethods.Options, HttpMethods.Trace, HttpMethods.Patch, HttpMethods.Connect,
    ];

    /// <summary>The index of a standard method (case-sensitive, as methods are), or -1.</summary>
    public static int MethodIndex(string method)
    {
        for (int i = 0; i < StandardMethods.Length; i++)
        {
            if (string.Equals(StandardMethods[i], method, System.StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The decimal text of a status code; one string per code 100 to 599, made once.</summary>
    public static string StatusCode(int code) =>
        code is >= 100 and <= 599 ? s_statusCodes[code - 100] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>network.protocol.version</c> for a request's protocol (<c>HTTP/1.1</c> gives <c>1.1</c>), or null when unknown.</summary>
    public static string? ProtocolVersionOf(string protocol) =>
        HttpProtocol.IsHttp11(protocol) ? "1.1"
        : HttpProtocol.IsHttp2(protocol) ? "2"
        : HttpProtocol.IsHttp3(protocol) ? "3"
        : HttpProtocol.IsHttp10(protocol) ? "1.0"
        : null;

    private static string[] CreateStatusCodes()
    {
        var codes = new string[500];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = (i + 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return codes;
    }
}
