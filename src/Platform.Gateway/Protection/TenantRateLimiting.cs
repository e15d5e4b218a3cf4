using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Security;

namespace Platform.Gateway.Protection;

/// <summary>
/// One budget of requests per tenant and client, so one municipality (or one provider system)
/// exhausting its budget gets 429 while the others are still served.
/// </summary>
internal static class TenantRateLimiting
{
    public static IServiceCollection AddTenantRateLimiting(this IServiceCollection services, GatewayOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });

    /// <summary>Tenant and client from the validated token; anonymous callers by address.</summary>
    internal static string PartitionKey(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var tenant = user.FindFirst(PlatformClaims.Municipality)?.Value
                ?? user.FindFirst(PlatformClaims.ProviderId)?.Value
                ?? user.FindFirst(PlatformClaims.Region)?.Value
                ?? "platform";
            var client = user.FindFirst(PlatformClaims.AuthorizedParty)?.Value ?? "session";
            return $"tenant:{tenant}|client:{client}";
        }

        return $"address:{context.Connection.RemoteIpAddress ?? IPAddress.None}";
    }
}
