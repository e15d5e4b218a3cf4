using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Platform.Gateway.Login;

/// <summary>
/// What a login started with and its callback must match: state, nonce, PKCE verifier and where to
/// return. Kept in a short-lived cookie that only this gateway can read.
/// </summary>
internal sealed record LoginCorrelation(string State, string Nonce, string CodeVerifier, string ReturnUrl)
{
    public const string CookieName = "__platform_login";
    private const string Purpose = "Platform.Gateway.Login";

    public static LoginCorrelation Start(string returnUrl) =>
        new(Random(), Random(), Random(), returnUrl);

    /// <summary>The PKCE S256 challenge: base64url(SHA-256(verifier)).</summary>
    public string CodeChallenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    public void Write(HttpContext context, IDataProtectionProvider protection) =>
        context.Response.Cookies.Append(CookieName, protection.CreateProtector(Purpose).Protect(JsonSerializer.Serialize(this)), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,

            // Lax: the identity provider's redirect back is a top-level GET navigation.
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromMinutes(10),
            Path = "/auth/callback",
        });

    public static LoginCorrelation? Read(HttpContext context, IDataProtectionProvider protection)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value))
        {
            return null;
        }

        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/auth/callback" });
        try
        {
            return JsonSerializer.Deserialize<LoginCorrelation>(protection.CreateProtector(Purpose).Unprotect(value));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string Random() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
