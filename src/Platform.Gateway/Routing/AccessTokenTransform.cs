using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Platform.Gateway.Routing;

/// <summary>
/// A browser holds only the encrypted session cookie; on the way to a service the gateway replaces
/// it with the session's access token, so every service validates a real token itself.
/// </summary>
internal sealed class AccessTokenTransform : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context) =>
        context.AddRequestTransform(async transform =>
        {
            // The session cookie never leaves the gateway.
            transform.ProxyRequest.Headers.Remove("Cookie");
            if (transform.HttpContext.Request.Headers.Authorization.Count > 0)
            {
                return; // A machine client's own bearer token is forwarded as it came.
            }

            var session = await transform.HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (session.Succeeded && session.Properties?.GetTokenValue("access_token") is { } accessToken)
            {
                transform.ProxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            }
        });
}
