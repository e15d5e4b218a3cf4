using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults.Health;

internal static class HealthEndpoints
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    public static void AddDefaultHealthChecks(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(SelfCheckMarker)))
        {
            return;
        }

        services.AddSingleton<SelfCheckMarker>();
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthCheckTags.Live]);
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Ready means fully ready: a degraded dependency (MassTransit reports a lost broker
        // connection as Degraded) takes the instance out of rotation until it recovers.
        Map(endpoints, HealthPath, _ => true, degradedStatus: StatusCodes.Status503ServiceUnavailable);
        Map(endpoints, AlivePath, registration => registration.Tags.Contains(HealthCheckTags.Live), degradedStatus: StatusCodes.Status200OK);
    }

    private static void Map(IEndpointRouteBuilder endpoints, string path, Func<HealthCheckRegistration, bool> predicate, int degradedStatus) =>
        endpoints
            .MapHealthChecks(path, new HealthCheckOptions
            {
                Predicate = predicate,
                ResponseWriter = HealthResponseWriter.WriteAsync,
                ResultStatusCodes =
                {
                    [HealthStatus.Healthy] = StatusCodes.Status200OK,
                    [HealthStatus.Degraded] = degradedStatus,
                    [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
                },
            })
            // Orchestrators probe without credentials; a later fallback authorization policy must not lock them out.
            .AllowAnonymous()
            // A probe every few seconds would dominate the request-duration metric.
            .DisableHttpMetrics();

    private sealed class SelfCheckMarker;
}
