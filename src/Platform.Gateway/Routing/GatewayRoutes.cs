using System.Net;
using Platform.Security;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Routing;

/// <summary>
/// The gateway's routing table, built from the services it is configured with; their addresses are
/// resolved by service discovery from what the AppHost or the local launcher gave them
/// (<c>services:&lt;name&gt;:&lt;endpoint&gt;:0</c>).
/// </summary>
internal static class GatewayRoutes
{
    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(
        GatewayOptions options, IConfiguration configuration)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();

        foreach (var service in options.Services)
        {
            if (Address(configuration, service, "http") is not { } address)
            {
                continue;
            }

            clusters.Add(Cluster($"{service}-http", address, http2: false));
            routes.Add(new RouteConfig
            {
                RouteId = $"{service}-api",
                ClusterId = $"{service}-http",
                AuthorizationPolicy = PlatformPolicies.Staff,
                Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
            });
        }

        foreach (var (grpcService, owner) in options.GrpcServices)
        {
            if (Address(configuration, owner, "grpc") is not { } address)
            {
                continue;
            }

            var clusterId = $"{owner}-grpc";
            if (clusters.All(c => c.ClusterId != clusterId))
            {
                clusters.Add(Cluster(clusterId, address, http2: true));
            }

            routes.Add(new RouteConfig
            {
                RouteId = $"grpc-{grpcService}",
                ClusterId = clusterId,
                AuthorizationPolicy = PlatformPolicies.ProviderSystem,
                Match = new RouteMatch { Path = $"/{grpcService}/{{method}}", Methods = ["POST"] },
            });
        }

        // The staff portal takes every path no other endpoint or route claims, so the API, login and gRPC routes
        // keep precedence. Only signed-in users reach it; the cookie challenge sends a browser to the login.
        if (Address(configuration, PortalService, "http") is { } portal)
        {
            clusters.Add(Cluster($"{PortalService}-http", portal, http2: false));
            routes.Add(new RouteConfig
            {
                RouteId = PortalRouteId,
                ClusterId = $"{PortalService}-http",
                AuthorizationPolicy = "default",
                Order = 1_000,
                Match = new RouteMatch { Path = "/{**page}" },
            });
        }

        return (routes, clusters);
    }

    /// <summary>The staff portal's resource name: <c>services:portal:http:0</c>.</summary>
    public const string PortalService = "portal";

    public const string PortalRouteId = "portal";

    /// <summary>Whether the gateway serves the staff portal at <c>/</c> (else its own front page).</summary>
    public static bool ServesPortal(IConfiguration configuration) => Address(configuration, PortalService, "http") is not null;

    /// <summary>
    /// The service's logical address, which service discovery resolves when the proxy loads its
    /// destinations (<c>http://_grpc.referrals</c> names the endpoint <c>grpc</c>); null when the
    /// service is not configured, so the gateway leaves its routes out.
    /// </summary>
    private static string? Address(IConfiguration configuration, string service, string endpoint) =>
        !configuration.GetSection($"services:{service}:{endpoint}").Exists() ? null
        : endpoint == "http" ? $"http://{service}"
        : $"http://_{endpoint}.{service}";

    private static ClusterConfig Cluster(string id, string address, bool http2) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = address } },

        // gRPC needs HTTP/2 end to end; without TLS that is cleartext HTTP/2 (h2c) to the backend.
        HttpRequest = http2
            ? new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact }
            : null,
    };
}
