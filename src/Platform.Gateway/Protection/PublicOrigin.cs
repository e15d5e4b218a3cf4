using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Platform.Gateway.Protection;

/// <summary>
/// How the gateway is addressed from outside: the public base URL it hands to the identity provider as its login
/// callback (never the request's Host header, which a caller chooses), the reverse proxies whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> it believes, and, whenever the public scheme is HTTPS,
/// HSTS and cookies marked <c>Secure</c> even though the proxy before it speaks plain HTTP to it.
/// </summary>
internal static class PublicOrigin
{
    public static IHostApplicationBuilder AddPublicOrigin(this IHostApplicationBuilder builder, GatewayOptions options)
    {
        if (options.PublicBaseUrl is null && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Gateway:PublicBaseUrl is missing: outside Development the login callback is built from it, not from the Host header.");
        }

        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Only the configured proxies: by default ASP.NET Core would believe any process on loopback.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.ForwardedHeaders.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in options.ForwardedHeaders.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UsePublicOrigin(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (PublicBaseUri(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value)?.Scheme == Uri.UriSchemeHttps)
        {
            // Whatever reaches the gateway was HTTPS at the edge, so every cookie it sets is Secure.
            app.Use((context, next) =>
            {
                context.Request.Scheme = Uri.UriSchemeHttps;
                return next(context);
            });
        }

        app.UseHsts();
        return app;
    }

    /// <summary>An absolute URL on the gateway's public address: the configured one, or in Development the request's own.</summary>
    public static string Url(HttpContext context, string path)
    {
        var configured = PublicBaseUri(context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value);
        return configured is null
            ? $"{context.Request.Scheme}://{context.Request.Host}{path}"
            : new Uri(configured, path).ToString();
    }

    private static Uri? PublicBaseUri(GatewayOptions options) =>
        options.PublicBaseUrl is { } url ? new Uri(url, UriKind.Absolute) : null;
}
