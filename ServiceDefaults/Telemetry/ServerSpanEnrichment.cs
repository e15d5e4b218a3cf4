using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Completes ASP.NET Core's server span the way the OpenTelemetry HTTP conventions describe it.
/// .NET 10 adds method, scheme and path when the span starts but never the route, the status code or a
/// readable name (the span is called Microsoft.AspNetCore.Hosting.HttpRequestIn); the instrumentation
/// package that used to do this is not available to us.
/// </summary>
internal sealed class ServerSpanEnrichment : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(EnrichAsync);
        next(app);
    };

    private static async Task EnrichAsync(HttpContext context, RequestDelegate next)
    {
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is null || !activity.IsAllDataRequested)
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            Complete(activity, context, exception);
            throw;
        }

        Complete(activity, context, exception: null);
    }

    private static void Complete(Activity activity, HttpContext context, Exception? exception)
    {
        var request = context.Request;
        var method = HttpMethods.GetCanonicalizedValue(request.Method);
        activity.SetTag("http.request.method", method);
        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("url.path", request.PathBase.Add(request.Path).Value);

        // An exception that escaped every middleware becomes a 500 once the server sees it.
        var statusCode = exception is not null && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
        activity.SetTag("http.response.status_code", statusCode);

        var route = context.GetEndpoint()?.Metadata.GetMetadata<IRouteDiagnosticsMetadata>()?.Route
            ?? (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (route is not null)
        {
            activity.SetTag("http.route", route);
        }

        activity.DisplayName = route is null ? method : $"{method} {route}";

        // Server spans are errors only for 5xx: a 4xx is the caller's mistake, not the service's.
        var errorType = exception?.GetType().FullName ?? (statusCode >= 500 ? statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        if (errorType is not null)
        {
            activity.SetTag("error.type", errorType);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
