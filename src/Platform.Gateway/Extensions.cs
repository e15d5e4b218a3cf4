using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Platform.Gateway.Login;
using Platform.Gateway.Protection;
using Platform.Gateway.Routing;
using Platform.Hosting;
using Platform.Provider.Contracts.Identity;
using Platform.Security;
using Platform.Security.TokenCaching;

namespace Platform.Gateway;

internal static class Extensions
{
    /// <summary>Chooses how a request authenticates: a bearer token if it brings one, else the browser session.</summary>
    private const string BearerOrSession = "bearer-or-session";

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.SectionName));

        builder.AddPublicOrigin(options);
        builder.AddPlatformAuthentication();

        // The gateway sees every request of every caller: a token validated once is not verified again.
        builder.AddValidatedTokenCache();
        builder.Services.AddAuthentication(BearerOrSession)
            .AddPolicyScheme(BearerOrSession, "Bearer token or browser session", scheme =>
                scheme.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.Cookie.Name = "__platform_session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/login";
                cookie.Events.OnValidatePrincipal = SessionTokens.RefreshWhenDueAsync;
                cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAwareAuthorizationResults>();
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = "X-CSRF-TOKEN";
            antiforgery.Cookie.Name = "__platform_antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        builder.Services.AddHttpClient(OidcClient.HttpClientName);
        builder.Services.AddSingleton<OidcClient>();
        builder.Services.AddTenantRateLimiting(options);
        builder.AddPlatformGrpc();
        builder.AddProviderIdentity();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        var (routes, clusters) = GatewayRoutes.Build(options, builder.Configuration);
        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms<AccessTokenTransform>()
            .AddTransforms<PortalTransform>()
            .AddTransforms<ConnectionOptionsTransform>();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UsePublicOrigin();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<AntiforgeryForSessions>();
        app.MapLoginEndpoints();
        if (!GatewayRoutes.ServesPortal(app.Configuration))
        {
            app.MapHomePage();
        }


        // "Who am I" answers from the provider's token alone, so the gateway serves it itself.
        app.MapProviderIdentityService(PlatformPolicies.ProviderSystem);

        // Health is the gateway's own; reflection would list only WhoAmI, not the services behind it.
        app.MapPlatformGrpc(reflection: false);
        app.MapReverseProxy();
        return app;
    }

    /// <summary>Pages redirect to the login; API and gRPC callers get a status they can act on.</summary>
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/auth") || GrpcAwareAuthorizationResults.IsGrpc(request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
