using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DistriC.Hosting.Tests.Support;

/// <summary>What came back on a raw connection: the status code of the first response (null if none) and the whole text.</summary>
public sealed record RawResponse(int? StatusCode, string Text)
{
    public static RawResponse Parse(byte[] bytes)
    {
        string text = Encoding.Latin1.GetString(bytes);
        // "HTTP/1.1 404 Not Found"
        if (text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && text.Length >= 12 && int.TryParse(text.AsSpan(9, 3), out int code))
        {
            return new RawResponse(code, text);
        }

        return new RawResponse(null, text);
    }

    /// <summary>The body after the blank line (for identity-encoded, Content-Length responses).</summary>
    public string Body => Text[(Text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
}

/// <summary>Sends hand-written bytes over a TCP socket, for requests HttpClient refuses to send.</summary>
public static class RawHttp
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A complete HTTP/1.1 request that asks the server to close the connection after answering.</summary>
    public static byte[] Request(string method, string target, string extraHeaders = "") =>
        Encoding.ASCII.GetBytes($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extraHeaders}Connection: close\r\n\r\n");

    /// <summary>Sends <paramref name="request"/> and reads until the server closes (or the timeout passes).</summary>
    public static async Task<RawResponse> SendAsync(int port, byte[] request, TimeSpan? timeout = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        NetworkStream stream = client.GetStream();
        using var received = new MemoryStream();
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await stream.WriteAsync(request, deadline.Token);
            await stream.CopyToAsync(received, deadline.Token);
        }
        catch (IOException)
        {
            // The server may reset a connection it rejects; what arrived before the reset is the answer.
        }

        return RawResponse.Parse(received.ToArray());
    }
}
