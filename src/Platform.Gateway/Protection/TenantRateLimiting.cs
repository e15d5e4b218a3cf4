using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Security;

namespace Platform.Gateway.Protection;

/// <summary>
/// Two budgets per request, both per minute: one per caller (a staff member, or a provider system's client), so one
/// user's script cannot block the colleagues of the same municipality, and one per tenant around all of its callers,
/// so one municipality or provider cannot crowd out the others. A route may give its callers a budget of its own.
/// A gRPC caller over a budget gets RESOURCE_EXHAUSTED; everyone else 429. Both say when to retry.
/// </summary>
internal static class TenantRateLimiting
{
    public static IServiceCollection AddTenantRateLimiting(this IServiceCollection services, GatewayOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    var route = RouteOf(context.Request);
                    var perCaller = route is not null && options.RouteRequestsPerMinute.TryGetValue(route, out var own)
                        ? own
                        : options.RequestsPerMinute;
                    return PerMinute($"{CallerKey(context)}|route:{(perCaller == options.RequestsPerMinute ? "*" : route)}", perCaller);
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    PerMinute(TenantKey(context), options.TenantRequestsPerMinute)));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => Reject(context.HttpContext, context.Lease);
        });

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static ValueTask Reject(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var delay) ? delay : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (GrpcAwareAuthorizationResults.IsGrpc(context.Request))
        {
            // A bare 429 reaches a gRPC client as UNAVAILABLE; a trailers-only answer carries the real status, and
            // grpc-retry-pushback-ms is the delay gRPC's own retry policy honours.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "8";
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString($"Rate limit reached; retry after {seconds} s.");
            context.Response.Headers["grpc-retry-pushback-ms"] = (seconds * 1000).ToString(CultureInfo.InvariantCulture);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The caller from the validated token: its subject (a user, or a client's service account) within its tenant.</summary>
    internal static string CallerKey(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return TenantKey(context);
        }

        var caller = user.FindFirst(PlatformClaims.Subject)?.Value ?? user.FindFirst(PlatformClaims.AuthorizedParty)?.Value ?? "unknown";
        return $"{TenantKey(context)}|caller:{caller}";
    }

    /// <summary>The tenant from the validated token (municipality, provider or region); anonymous callers by address.</summary>
    internal static string TenantKey(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return $"address:{context.Connection.RemoteIpAddress ?? IPAddress.None}";
        }

        var tenant = user.FindFirst(PlatformClaims.Municipality)?.Value
            ?? user.FindFirst(PlatformClaims.ProviderId)?.Value
            ?? user.FindFirst(PlatformClaims.Region)?.Value
            ?? "platform";
        return $"tenant:{tenant}";
    }

    /// <summary>The service a request is for: <c>/api/&lt;service&gt;/...</c>, or a gRPC call's full service name.</summary>
    internal static string? RouteOf(HttpRequest request)
    {
        var segments = request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments switch
        {
            ["api", var service, ..] => service,
            [var grpcService, _] when GrpcAwareAuthorizationResults.IsGrpc(request) => grpcService,
            _ => null,
        };
    }
}
