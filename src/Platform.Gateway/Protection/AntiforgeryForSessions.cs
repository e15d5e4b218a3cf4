using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Platform.Gateway.Protection;

/// <summary>
/// A browser sends its session cookie with any request another site makes it send. State-changing
/// requests authenticated by that cookie must therefore also carry the anti-forgery token, which
/// only pages of this site can read. Bearer-token requests are not sent by browsers on their own.
/// </summary>
internal sealed class AntiforgeryForSessions(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var byCookie = context.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme };
        if (byCookie && !IsSafe(context.Request.Method))
        {
            try
            {
                // A form post to the portal is read here and forwarded afterwards, so its body must be readable twice.
                context.Request.EnableBuffering();
                await antiforgery.ValidateRequestAsync(context);
                context.Request.Body.Position = 0;
            }
            catch (AntiforgeryValidationException)
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Missing or invalid anti-forgery token",
                    detail: "Requests that change data need the token from GET /auth/antiforgery in its header.").ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
