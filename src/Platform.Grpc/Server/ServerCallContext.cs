using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Platform.Grpc.Server;

/// <summary>
/// What a handler knows about its call: the method, the deadline, the caller's metadata and identity,
/// and one <see cref="CancellationToken"/> that fires when the deadline passes or the caller goes away.
/// </summary>
public sealed partial class ServerCallContext
{
    /// <summary>The full method path, <c>/package.Service/Method</c>.</summary>
    public string Method { get; }

    /// <summary>When the caller stops waiting (UTC), from <c>grpc-timeout</c>; null when the caller set none.</summary>
    public DateTimeOffset? Deadline { get; private set; }

    /// <summary>Metadata sent as response headers, with the first message or by <see cref="WriteResponseHeadersAsync"/>.</summary>
    public Metadata ResponseHeaders { get; } = new();

    /// <summary>Metadata sent in the trailers, after the last message, whatever the status.</summary>
    public Metadata ResponseTrailers { get; } = new();

    /// <summary>The authenticated caller (from the bearer token in <c>authorization</c>), or an anonymous principal.</summary>
    public ClaimsPrincipal User => HttpContext.User;

    public HttpContext HttpContext { get; }

    /// <summary>The request's services, to resolve what a handler needs.</summary>
    public IServiceProvider Services => HttpContext.RequestServices;

    /// <summary>The caller's address, e.g. <c>ipv4:127.0.0.1:53012</c>.</summary>
    public string Peer => HttpContext.Connection.RemoteIpAddress is { } address
        ? $"{(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6:[" + address + "]" : "ipv4:" + address)}:{HttpContext.Connection.RemotePort}"
        : "unknown";
}
