using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Grpc.Server;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every method of <paramref name="service"/> to a POST endpoint at <c>/package.Service/Method</c>:
    /// the ones <paramref name="configure"/> binds run their handler, the others answer UNIMPLEMENTED.
    /// The first call also maps the fallback that answers UNIMPLEMENTED for unknown services.
    /// <code>
    /// app.MapGrpcService(ProviderIdentityReflection.Descriptor.Services[0], service => service
    ///     .RequireAuthorization("provider-system")
    ///     .Unary&lt;WhoAmIRequest, WhoAmIResponse&gt;("WhoAmI", WhoAmI.HandleAsync));
    /// </code>
    /// The endpoints are anonymous to ASP.NET Core's authorization middleware: put policies on the
    /// service builder, which answers in gRPC statuses, not on the returned convention builder.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService(this IEndpointRouteBuilder endpoints, ServiceDescriptor service, Action<GrpcServiceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(configure);

        var builder = new GrpcServiceBuilder(service);
        configure(builder);

        var services = endpoints.ServiceProvider;
        var registry = services.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Call services.AddPlatformGrpc() before mapping gRPC services.");
        var options = services.GetRequiredService<IOptions<GrpcServerOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Grpc.Server");
        registry.Add(service.FullName);

        var conventions = new List<IEndpointConventionBuilder>();
        foreach (var method in service.Methods)
        {
            var invoker = builder.Methods.GetValueOrDefault(method.Name) ?? new UnimplementedInvoker(method);
            var authorizer = new CallAuthorizer([.. builder.Policies, .. invoker.Policies]);
            var dispatcher = new GrpcCallDispatcher(invoker, authorizer, options, logger);
            conventions.Add(endpoints
                .MapPost($"/{service.FullName}/{method.Name}", dispatcher.HandleAsync)
                .WithDisplayName($"gRPC {service.FullName}/{method.Name}")
                .WithMetadata(method)
                .AllowAnonymous()
                .ExcludeFromDescription());
        }

        MapFallback(endpoints, registry);
        return new GrpcServiceConventionBuilder(conventions);
    }

    /// <summary>
    /// POST <c>/{service}/{method}</c> with a dotted service name: UNIMPLEMENTED for a gRPC request that
    /// matched no mapped method. Literal routes (every mapped method, every REST route) take precedence.
    /// </summary>
    private static void MapFallback(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry)
    {
        if (registry.FallbackMapped)
        {
            return;
        }

        registry.FallbackMapped = true;
        var pattern = RoutePatternFactory.Parse("/{service}/{method}", defaults: null, parameterPolicies: new { service = new GrpcServiceNameConstraint() });
        endpoints
            .Map(pattern, context => UnimplementedAsync(context, registry))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Post]))
            .WithDisplayName("gRPC unimplemented")
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static async Task UnimplementedAsync(HttpContext context, GrpcServiceRegistry registry)
    {
        if (!await GrpcRequestCheck.IsServableAsync(context))
        {
            return;
        }

        var service = (string)context.Request.RouteValues["service"]!;
        var method = (string)context.Request.RouteValues["method"]!;
        var detail = registry.Contains(service)
            ? $"Method {method} of service {service} is unimplemented."
            : $"Service {service} is unimplemented.";
        var call = new ServerCallContext(context, context.Request.Path, context.RequestServices.GetRequiredService<IOptions<GrpcServerOptions>>().Value);
        try
        {
            await call.FinishAsync(StatusCode.Unimplemented, detail);
        }
        finally
        {
            call.ReleaseResources();
        }
    }

    private sealed class GrpcServiceNameConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            values.TryGetValue(routeKey, out var value) && value is string name && name.Contains('.', StringComparison.Ordinal);
    }

    private sealed class GrpcServiceConventionBuilder(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
