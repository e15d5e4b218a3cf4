using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Hosting.Tests.Hosting;

/// <summary>
/// Tokens shaped like the realm's (Keycloak claims), signed with a key made for this test run.
/// They test the binding's handling of bearer tokens, not the identity provider.
/// </summary>
internal static class TestTokens
{
    public const string Issuer = "http://identity.test/realms/platform";
    public const string Audience = "platform-api";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private static readonly RsaSecurityKey OtherKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    public static string Mint(IEnumerable<string> roles, string? providerId = null, string clientId = "test-client", bool signedByStranger = false)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = Guid.NewGuid().ToString(),
            ["azp"] = clientId,
            ["realm_access"] = new Dictionary<string, object> { ["roles"] = roles.ToArray() },
        };
        if (providerId is not null)
        {
            claims["provider_id"] = providerId;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signedByStranger ? OtherKey : Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>JwtBearer validating issuer, audience, lifetime and signature against the test key; realm roles become role claims.</summary>
    public static void AddTestAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Audience,
                IssuerSigningKey = Key,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                RoleClaimType = "role",
            };
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst("realm_access")?.Value is { } realmAccess)
                    {
                        using var document = JsonDocument.Parse(realmAccess);
                        foreach (var role in document.RootElement.GetProperty("roles").EnumerateArray())
                        {
                            identity.AddClaim(new Claim("role", role.GetString()!));
                        }
                    }

                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorization(options =>
        {
            options.AddPolicy(InteropService.ReaderPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(InteropService.ReaderRole));
            options.AddPolicy("provider-system", policy => policy.RequireAuthenticatedUser().RequireRole("provider-system").RequireClaim("provider_id"));
        });
    }
}
