using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway.Routing;

/// <summary>
/// Headers a client names in its <c>Connection</c> header are meant for the gateway alone (RFC 9110,
/// section 7.6.1). YARP drops the standard hop-by-hop headers but forwards the ones named there;
/// this removes them before the request goes on. <c>Upgrade</c> stays, as YARP needs it for WebSockets.
/// </summary>
internal sealed class ConnectionOptionsTransform : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context) =>
        context.AddRequestTransform(transform =>
        {
            foreach (var value in transform.HttpContext.Request.Headers.Connection)
            {
                foreach (var option in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!option.Equals(HeaderNames.Upgrade, StringComparison.OrdinalIgnoreCase))
                    {
                        RequestTransform.RemoveHeader(transform, option);
                    }
                }
            }

            return ValueTask.CompletedTask;
        });
}
