using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Bearer tokens from the platform's realm, validated in full: issuer, audience, lifetime and
    /// signature against the realm's published keys (refetched when a token names an unknown key, so
    /// key rotation needs no restart). Keycloak realm roles become role claims. Every service and the
    /// gateway call this: no service trusts a header just because the gateway could have set it.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddSingleton(options);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.Authority = options.Authority;
                jwt.Audience = options.Audience;
                jwt.MapInboundClaims = false;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata && !IsLoopback(options.Authority!);
                jwt.RefreshOnIssuerKeyNotFound = true;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = options.Authority,
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512, SecurityAlgorithms.RsaSsaPssSha256],
                    ClockSkew = options.ClockSkew,
                    NameClaimType = PlatformClaims.Username,
                    RoleClaimType = PlatformClaims.Role,
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        if (context.Principal?.Identity is ClaimsIdentity identity)
                        {
                            KeycloakRoleMapper.AddRealmRoles(identity);
                        }

                        return Task.CompletedTask;
                    },
                };
            });

        // A key the realm no longer publishes is no longer trusted. IdentityModel would otherwise accept its tokens
        // for another hour through its "last known good" configuration, which is meant for metadata outages; in an
        // outage the current keys stay in use without it.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            if (jwt.ConfigurationManager is BaseConfigurationManager manager)
            {
                manager.UseLastKnownGoodConfiguration = false;
            }
        });

        builder.Services.AddAuthorization(PlatformPolicies.Add);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(services =>
            CallerContextFactory.FromPrincipal(services.GetRequiredService<IHttpContextAccessor>().HttpContext?.User
                ?? throw new InvalidOperationException("A caller context exists only within a request.")));
        return builder;
    }

    private static IdentityOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() ?? new IdentityOptions();
        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            // Under the AppHost, WithReference(keycloak) injects only the server's address.
            var keycloak = configuration["services:keycloak:https:0"] ?? configuration["services:keycloak:http:0"]
                ?? throw new InvalidOperationException("Identity:Authority is not set, and neither is services:keycloak:http:0.");
            options.Authority = $"{keycloak.TrimEnd('/')}/realms/{options.Realm}";
        }

        options.Authority = options.Authority.TrimEnd('/');
        return options;
    }

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
