using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.Hosting;

/// <summary>
/// The cleartext HTTP/2 (h2c) listener gRPC is served on. Without TLS there is no ALPN to choose
/// HTTP/2, so gRPC needs a listener that speaks only HTTP/2, beside the HTTP/1.1 one that serves
/// REST and <c>/health</c>.
/// <para>
/// Its address is the Kestrel endpoint named <c>grpc</c>: <c>Kestrel:Endpoints:grpc:Url</c>
/// (environment variable <c>Kestrel__Endpoints__grpc__Url</c>, e.g. <c>http://127.0.0.1:5081</c>),
/// the form the Aspire AppHost injects for a project's named endpoint. Its protocol defaults to
/// HTTP/2 only. Because configured endpoints replace the host's URLs in Kestrel, the URLs from
/// <c>ASPNETCORE_URLS</c>/<c>urls</c> (or <c>http_ports</c>) are bound alongside it, unless Kestrel
/// endpoints other than <c>grpc</c> are configured, in which case those are used as they are.
/// </para>
/// </summary>
public sealed class GrpcListener
{
    public const string EndpointName = "grpc";

    /// <summary>The configuration key of the listener's address.</summary>
    public const string UrlKey = "Kestrel:Endpoints:grpc:Url";

    private ListenOptions? _listenOptions;

    /// <summary>The address the listener bound (with the real port when port 0 was asked for); null before start or when none is configured.</summary>
    public Uri? Address => _listenOptions?.IPEndPoint is { } endPoint
        ? new Uri($"http://{(endPoint.Address.Equals(IPAddress.IPv6Any) || endPoint.Address.Equals(IPAddress.Any) ? "localhost" : FormatHost(endPoint.Address))}:{endPoint.Port}")
        : null;

    internal void Bound(ListenOptions options) => _listenOptions = options;

    private static string FormatHost(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
}

internal static class GrpcListenerRegistration
{
    /// <summary>
    /// Adds the h2c listener when <c>Kestrel:Endpoints:grpc:Url</c> is configured, keeping the HTTP/1.1
    /// listener(s). Registers <see cref="GrpcListener"/> to read the bound address. Does nothing else
    /// when the key is absent.
    /// </summary>
    public static void AddGrpcListener(this IHostApplicationBuilder builder)
    {
        var listener = new GrpcListener();
        builder.Services.AddSingleton(listener);
        var configuration = builder.Configuration;
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
        {
            var endpoints = configuration.GetSection("Kestrel:Endpoints");
            if (string.IsNullOrWhiteSpace(endpoints[$"{GrpcListener.EndpointName}:Url"]))
            {
                return;
            }

            var explicitProtocols = !string.IsNullOrEmpty(endpoints[$"{GrpcListener.EndpointName}:Protocols"]);
            var loader = kestrel.ConfigurationLoader ?? kestrel.Configure(configuration.GetSection("Kestrel"));
            loader.Endpoint(GrpcListener.EndpointName, endpoint =>
            {
                if (!explicitProtocols)
                {
                    endpoint.ListenOptions.Protocols = HttpProtocols.Http2;
                }

                listener.Bound(endpoint.ListenOptions);
            });

            var otherEndpoints = endpoints.GetChildren().Any(e => e.Key != GrpcListener.EndpointName);
            if (!otherEndpoints)
            {
                KeepHostUrls(kestrel, configuration);
            }
        });
    }

    private static void KeepHostUrls(KestrelServerOptions kestrel, IConfiguration configuration)
    {
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            var ports = configuration["http_ports"];
            urls = string.IsNullOrWhiteSpace(ports)
                ? "http://localhost:5000"
                : string.Join(';', ports.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => $"http://*:{p.Trim()}"));
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Listen(kestrel, url);
        }
    }

    private static void Listen(KestrelServerOptions kestrel, string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            throw new InvalidOperationException($"'{url}' is not a URL Kestrel can listen on.");
        }

        var scheme = url[..schemeEnd];
        var rest = url[(schemeEnd + 3)..].TrimEnd('/');
        var portSeparator = rest.LastIndexOf(':');
        var host = portSeparator > 0 && !rest.EndsWith(']') ? rest[..portSeparator] : rest;
        var isHttps = scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
        var port = portSeparator > 0 && !rest.EndsWith(']')
            ? int.Parse(rest[(portSeparator + 1)..], System.Globalization.CultureInfo.InvariantCulture)
            : isHttps ? 443 : 80;
        Action<ListenOptions> configure = isHttps ? o => o.UseHttps() : _ => { };

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port, configure);
        }
        else if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            kestrel.Listen(address, port, configure);
        }
        else
        {
            // "*", "+" and host names listen on every address, as Kestrel does for such URLs.
            kestrel.ListenAnyIP(port, configure);
        }
    }
}
