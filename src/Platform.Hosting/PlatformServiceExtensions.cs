using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Resources;
using Platform.Security;

namespace Platform.Hosting;

/// <summary>
/// The one registration every platform service makes, from its entry in <see cref="PlatformResources"/>: its
/// database (migrations embedded in the service's assembly), messaging with the event consumers that assembly holds,
/// token authentication, gRPC when it serves providers, problem details, OpenAPI and the clock. A service's own
/// <c>Extensions</c> then adds only what is its own: policies, use cases, hosted jobs.
/// </summary>
public static class PlatformServiceExtensions
{
    /// <typeparam name="TService">Any type of the service's own assembly.</typeparam>
    public static IHostApplicationBuilder AddPlatformService<TService>(this IHostApplicationBuilder builder, PlatformService service)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(service);
        var assembly = typeof(TService).Assembly;
        if (service.Database is { } database)
        {
            builder.AddPlatformDatabase(database, assembly);
        }

        if (service.UsesMessaging)
        {
            builder.AddPlatformMessaging(service.Name, bus =>
            {
                foreach (var consumer in ConsumersIn(assembly))
                {
                    bus.AddConsumer(consumer);
                }
            });
        }

        builder.AddPlatformAuthentication();
        if (service.ServesGrpc)
        {
            builder.AddPlatformGrpc();
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<TransientFailureExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// The request pipeline every service has, its OpenAPI document at <c>/api/&lt;name&gt;/openapi/v1.json</c>, and the
    /// group <c>/api/&lt;name&gt;</c> for staff that the service maps its endpoints on. After mapping its gRPC services, the
    /// service calls <see cref="GrpcHostingExtensions.MapPlatformGrpc"/>, so health knows them.
    /// </summary>
    public static RouteGroupBuilder MapPlatformService(this WebApplication app, PlatformService service)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(service);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi($"/api/{service.Name}/openapi/{{documentName}}.json").RequireAuthorization(PlatformPolicies.Staff);
        return app.MapGroup($"/api/{service.Name}").RequireAuthorization(PlatformPolicies.Staff);
    }

    // MassTransit's own assembly scan registers public consumers only; a service's consumers are internal.
    private static IEnumerable<Type> ConsumersIn(System.Reflection.Assembly assembly) =>
        assembly.GetTypes().Where(type => type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
            && typeof(IConsumer).IsAssignableFrom(type));
}
