using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Grpc.Server;

/// <summary>
/// Checks a method's policies and answers in gRPC terms: no or a bad token is UNAUTHENTICATED, a
/// caller the policy refuses is PERMISSION_DENIED. ASP.NET Core's authorization middleware would
/// answer 401/403 instead, which gRPC clients read as a transport failure; the endpoints are
/// therefore marked anonymous for the middleware and authorized here.
/// </summary>
internal sealed class CallAuthorizer(IReadOnlyList<string> policies)
{
    private Task<AuthorizationPolicy?>? _policy;

    public bool IsRequired => policies.Count > 0;

    public async Task AuthorizeAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var policy = await (_policy ??= AuthorizationPolicy.CombineAsync(
            services.GetRequiredService<IAuthorizationPolicyProvider>(),
            policies.Select(p => new AuthorizeAttribute(p)).ToList()));
        if (policy is null)
        {
            return;
        }

        // The authentication middleware has usually run already; a host without it still authenticates here.
        if (httpContext.User.Identity?.IsAuthenticated != true
            && services.GetService<IAuthenticationSchemeProvider>() is { } schemes
            && await schemes.GetDefaultAuthenticateSchemeAsync() is not null)
        {
            var authenticated = await httpContext.AuthenticateAsync();
            if (authenticated.Succeeded)
            {
                httpContext.User = authenticated.Principal;
            }
        }

        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, httpContext);
        var authorization = await evaluator.AuthorizeAsync(policy, authentication, httpContext, resource: httpContext);
        if (authorization.Challenged)
        {
            throw new RpcException(StatusCode.Unauthenticated, "A valid bearer token is required in the authorization metadata.");
        }

        if (authorization.Forbidden)
        {
            throw new RpcException(StatusCode.PermissionDenied, "The caller is not allowed to call this method.");
        }
    }
}
