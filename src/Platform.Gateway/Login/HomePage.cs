using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Platform.Security;

namespace Platform.Gateway.Login;

/// <summary>The gateway's front page: who is signed in, or where to sign in.</summary>
internal static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", Render).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Render(HttpContext context, IAntiforgery antiforgery)
    {
        var user = context.User;
        var body = user.Identity?.IsAuthenticated == true
            ? SignedIn(user, antiforgery.GetAndStoreTokens(context))
            : """<p>You are not signed in.</p><p><a href="/login">Sign in</a></p>""";
        return Results.Content($"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Population funding platform</title></head>
            <body style="font-family: sans-serif; max-width: 40rem; margin: 2rem auto">
            <h1>Population funding platform</h1>
            {body}
            </body></html>
            """, "text/html; charset=utf-8");
    }

    private static string SignedIn(ClaimsPrincipal user, AntiforgeryTokenSet tokens)
    {
        string Encode(string? value) => WebUtility.HtmlEncode(value ?? "–");
        var roles = string.Join(", ", user.FindAll(PlatformClaims.Role).Select(c => c.Value).Where(r => !r.StartsWith("default-roles", StringComparison.Ordinal)));
        return $"""
            <p>Signed in as <strong>{Encode(user.Identity!.Name)}</strong></p>
            <ul>
              <li>Municipality: {Encode(user.FindFirst(PlatformClaims.Municipality)?.Value)}</li>
              <li>Region: {Encode(user.FindFirst(PlatformClaims.Region)?.Value)}</li>
              <li>Roles: {Encode(roles)}</li>
            </ul>
            <p><a href="/auth/me">Your session as JSON</a></p>
            <form method="post" action="/logout">
              <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">
              <button type="submit">Sign out</button>
            </form>
            """;
    }
}
