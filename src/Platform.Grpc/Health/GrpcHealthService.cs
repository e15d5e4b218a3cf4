using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Platform.Grpc.Server;
using ServingStatus = Platform.Grpc.Health.HealthCheckResponse.Types.ServingStatus;

namespace Platform.Grpc.Health;

/// <summary>
/// <c>grpc.health.v1.Health</c> answered from ASP.NET Core's health checks: SERVING when every check
/// tagged <c>ready</c> (<see cref="GrpcServerOptions.HealthCheckTag"/>) is healthy, NOT_SERVING
/// otherwise (degraded included, as <c>/health</c> does). The empty service name and every mapped
/// gRPC service share that status; any other name is NOT_FOUND (Check) or SERVICE_UNKNOWN (Watch).
/// </summary>
public static class GrpcHealthService
{
    public const string ServiceName = "grpc.health.v1.Health";

    /// <summary>Maps the health service, anonymous like <c>/health</c>.</summary>
    public static IEndpointConventionBuilder MapGrpcHealthService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGrpcService(HealthReflection.Descriptor.Services[0], service =>
        {
            service.Unary<HealthCheckRequest, HealthCheckResponse>("Check", CheckAsync);
            service.ServerStreaming<HealthCheckRequest, HealthCheckResponse>("Watch", WatchAsync);
        });
    }

    private static async Task<HealthCheckResponse> CheckAsync(HealthCheckRequest request, ServerCallContext context)
    {
        if (!IsKnown(request.Service, context))
        {
            throw new RpcException(StatusCode.NotFound, $"Service '{request.Service}' is not served here.");
        }

        return new HealthCheckResponse { Status = await EvaluateAsync(context) };
    }

    private static async Task WatchAsync(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        var interval = context.Services.GetRequiredService<IOptions<GrpcServerOptions>>().Value.HealthWatchInterval;
        ServingStatus? last = null;
        using var timer = new PeriodicTimer(interval);
        // Runs until the watcher cancels (or its deadline passes): the token ends the loop, and the dispatcher the call.
        do
        {
            var status = IsKnown(request.Service, context) ? await EvaluateAsync(context) : ServingStatus.ServiceUnknown;
            if (status != last)
            {
                await responses.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken);
                last = status;
            }
        }
        while (await timer.WaitForNextTickAsync(context.CancellationToken));
    }

    private static bool IsKnown(string service, ServerCallContext context) =>
        service.Length == 0 || context.Services.GetRequiredService<GrpcServiceRegistry>().Contains(service);

    private static async Task<ServingStatus> EvaluateAsync(ServerCallContext context)
    {
        var tag = context.Services.GetRequiredService<IOptions<GrpcServerOptions>>().Value.HealthCheckTag;
        var health = context.Services.GetRequiredService<HealthCheckService>();
        var report = await health.CheckHealthAsync(registration => registration.Tags.Contains(tag), context.CancellationToken);
        return report.Status == HealthStatus.Healthy ? ServingStatus.Serving : ServingStatus.NotServing;
    }
}
