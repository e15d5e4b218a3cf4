using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Grpc.Server;

namespace Platform.Grpc;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// The gRPC server binding: options from the <c>Grpc</c> configuration section (message size limits,
    /// response compression), authorization and health checks for the methods that use them.
    /// </summary>
    public static IServiceCollection AddPlatformGrpc(this IServiceCollection services, IConfiguration? configuration = null, Action<GrpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GrpcServerOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(GrpcServerOptions.SectionName));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<GrpcServiceRegistry>();
        services.AddAuthorization();
        services.AddHealthChecks();
        return services;
    }
}
