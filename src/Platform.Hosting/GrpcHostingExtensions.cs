using System.IO.Compression;
using Grpc.AspNetCore.HealthChecks;
using Grpc.AspNetCore.Server;
using Grpc.Net.Compression;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Hosting;

public static class GrpcHostingExtensions
{
    /// <summary>
    /// The gRPC server every service shares: limits and compression from the <c>Grpc</c> section, the
    /// error interceptor, gRPC answers to refused authorization, reflection, <c>grpc.health.v1.Health</c>
    /// over the health checks tagged <c>ready</c>, and the h2c listener <c>Kestrel:Endpoints:grpc</c>.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformGrpc(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(PlatformGrpcOptions.SectionName);
        var options = section.Get<PlatformGrpcOptions>() ?? new PlatformGrpcOptions();
        builder.Services.Configure<PlatformGrpcOptions>(section);

        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxReceiveMessageSize;
            grpc.MaxSendMessageSize = options.MaxSendMessageSize;
            grpc.CompressionProviders = [new GzipCompressionProvider(CompressionLevel.Fastest)];
            grpc.ResponseCompressionAlgorithm = options.ResponseCompression;
            grpc.ResponseCompressionLevel = CompressionLevel.Fastest;

            // Exception texts are for the log, not for provider systems.
            grpc.EnableDetailedErrors = false;
            grpc.Interceptors.Add<ErrorStatusInterceptor>();
        });
        builder.Services.AddGrpcReflection();
        // The server itself is one readiness check: a host with no other one is SERVING, not UNKNOWN.
        builder.Services.AddGrpcHealthChecks().AddCheck("grpc-server", () => HealthCheckResult.Healthy(), [options.HealthCheckTag]);
        builder.Services.AddSingleton<MappedGrpcServices>();
        builder.Services.AddSingleton<IConfigureOptions<GrpcHealthChecksOptions>, HealthServiceMappings>();
        builder.Services.AddAuthorization();
        AnswerRefusalsInGrpcTerms(builder.Services);
        builder.AddGrpcListener();
        return builder;
    }

    // Replaces only the framework's default handler: a host with its own (the gateway's) keeps it.
    private static void AnswerRefusalsInGrpcTerms(IServiceCollection services)
    {
        var current = services.LastOrDefault(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler));
        if (current is null || current.ImplementationType == typeof(AuthorizationMiddlewareResultHandler))
        {
            services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResults>());
        }
    }

    /// <summary>
    /// Maps <c>grpc.health.v1.Health</c> and, unless <paramref name="reflection"/> is false, server reflection,
    /// both open to anonymous callers: orchestrators probe and grpcurl lists services without a token.
    /// Call it after mapping the host's gRPC services: health answers by name for those mapped before.
    /// </summary>
    public static WebApplication MapPlatformGrpc(this WebApplication app, bool reflection = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcHealthChecksService().AllowAnonymous();
        if (reflection)
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        // Read before the host starts, so health knows every service before its first answer.
        app.Services.GetRequiredService<MappedGrpcServices>().Names.AddRange(((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName)
            .OfType<string>()
            .Where(name => name.Length > 0 && !name.Contains('{', StringComparison.Ordinal)));
        return app;
    }
}
