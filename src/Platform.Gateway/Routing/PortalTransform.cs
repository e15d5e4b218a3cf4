using Microsoft.AspNetCore.Antiforgery;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway.Routing;

/// <summary>
/// The portal's forms post back through the gateway, which checks its own anti-forgery token on them. The gateway
/// therefore hands the portal the session's request token with every page request, in a header the browser cannot
/// set: whatever the browser sent under that name is replaced.
/// </summary>
internal sealed class PortalTransform : ITransformProvider
{
    public const string AntiforgeryHeader = "X-Platform-Antiforgery";

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        if (context.Route.RouteId != GatewayRoutes.PortalRouteId)
        {
            return;
        }

        context.AddRequestTransform(transform =>
        {
            transform.ProxyRequest.Headers.Remove(AntiforgeryHeader);
            if (transform.HttpContext.User.Identity?.IsAuthenticated == true)
            {
                var antiforgery = transform.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
                var tokens = antiforgery.GetAndStoreTokens(transform.HttpContext);
                transform.ProxyRequest.Headers.TryAddWithoutValidation(AntiforgeryHeader, tokens.RequestToken);
            }

            return ValueTask.CompletedTask;
        });
    }
}
