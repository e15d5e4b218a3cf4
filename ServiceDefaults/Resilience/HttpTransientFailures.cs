using System.Net;
using Polly;
using Polly.Timeout;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>What counts as worth another try, and for which requests.</summary>
internal static class HttpTransientFailures
{
    /// <summary>The request being sent, so that the retry strategy can see its method.</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Platform.ServiceDefaults.HttpRequest");

    /// <summary>
    /// Methods that may be repeated without changing the outcome (RFC 9110 §9.2.2). A POST that timed out may
    /// have been carried out, so it is never sent twice.
    /// </summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { } response && IsTransient(response.StatusCode));

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    public static bool MayRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome) =>
        context.Properties.TryGetValue(RequestKey, out var request)
        && IsIdempotent(request.Method)
        && IsTransient(outcome);

    /// <summary>The wait a server asked for with Retry-After (seconds or a date), or null when it did not.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
        }

        if (retryAfter?.Date is { } date)
        {
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }
}
