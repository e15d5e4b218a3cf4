using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Platform.Hosting;

/// <summary>
/// REST's side of <see cref="TransientFailures"/>: a transient database failure is answered 409 or 503 (with
/// <c>Retry-After</c>) as a problem that says sending again is safe, not 500. Other exceptions go on to the
/// default handler.
/// </summary>
internal sealed partial class TransientFailureExceptionHandler(IProblemDetailsService problems, ILogger<TransientFailureExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (TransientFailures.HttpStatusFor(exception) is not { } answer)
        {
            return false;
        }

        LogTransient(logger, exception, httpContext.Request.Path, answer.StatusCode);
        httpContext.Response.StatusCode = answer.StatusCode;
        if (answer.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "2";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = answer.StatusCode, Title = "Send the request again", Detail = answer.Detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} failed on a transient database error; answered {Status}")]
    private static partial void LogTransient(ILogger logger, Exception exception, string path, int status);
}
