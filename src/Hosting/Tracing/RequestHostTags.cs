using Microsoft.AspNetCore.Http;

namespace DistriC.Hosting.Tracing;

/// <summary>
/// <c>server.address</c> and <c>server.port</c> of the last <c>Host</c> header seen: an app is reached under few host
/// names, so keeping the last pair avoids splitting the header (and allocating the address) on every request.
/// </summary>
internal sealed class RequestHostTags
{
    private Entry? _last;

    public (string? Address, int? Port) Of(HostString host)
    {
        string? raw = host.Value;
        if (raw is null)
        {
            return (null, null);
        }

        Entry? last = _last;
        if (last is null || !string.Equals(last.Raw, raw, System.StringComparison.Ordinal))
        {
            last = new Entry(raw, host.Host, host.Port);
            _last = last;
        }

        return (last.Address, last.Port);
    }

    private sealed record Entry(string Raw, string Address, int? Port);
}
