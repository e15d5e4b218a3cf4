using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>
/// One pipeline per HttpClient name for the life of the process. The factory recreates message handlers
/// every few minutes; the circuit breaker's state must outlive them, and one failing service must not
/// open the circuit for calls to another.
/// </summary>
internal sealed class HttpResiliencePipelines(IOptionsMonitor<HttpResilienceOptions> options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, Lazy<ResiliencePipeline<HttpResponseMessage>?>> pipelines = new(StringComparer.Ordinal);
    private readonly ILogger logger = loggerFactory.CreateLogger("Platform.ServiceDefaults.Resilience");

    /// <summary>Null when resilience is turned off for the client.</summary>
    public ResiliencePipeline<HttpResponseMessage>? For(string clientName) =>
        pipelines.GetOrAdd(clientName, name => new Lazy<ResiliencePipeline<HttpResponseMessage>?>(() => Build(name))).Value;

    private ResiliencePipeline<HttpResponseMessage>? Build(string clientName)
    {
        var settings = options.Get(clientName);
        if (!settings.Enabled)
        {
            return null;
        }

        if (settings.AttemptTimeout > settings.TotalRequestTimeout)
        {
            throw new OptionsValidationException(clientName, typeof(HttpResilienceOptions),
                [$"HttpResilience for '{clientName}': AttemptTimeout {settings.AttemptTimeout} exceeds TotalRequestTimeout {settings.TotalRequestTimeout}."]);
        }

        // Outermost first: the total timeout bounds everything, each retry passes the circuit breaker,
        // and the attempt timeout is what the breaker and the retry see as a failure.
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = clientName, TimeProvider = timeProvider };
        builder.AddTimeout(settings.TotalRequestTimeout);
        if (settings.Retry.MaxAttempts > 0)
        {
            builder.AddRetry(Retry(clientName, settings.Retry));
        }

        builder.AddCircuitBreaker(CircuitBreaker(clientName, settings.CircuitBreaker));
        builder.AddTimeout(settings.AttemptTimeout);
        return builder.Build();
    }

    private RetryStrategyOptions<HttpResponseMessage> Retry(string clientName, HttpRetryOptions retry) => new()
    {
        MaxRetryAttempts = retry.MaxAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = retry.BaseDelay,
        MaxDelay = retry.MaxDelay,
        ShouldHandle = args => ValueTask.FromResult(HttpTransientFailures.MayRetry(args.Context, args.Outcome)),
        DelayGenerator = args =>
        {
            var asked = HttpTransientFailures.RetryAfter(args.Outcome.Result, timeProvider.GetUtcNow());
            return ValueTask.FromResult(asked is { } wait && wait > retry.MaxDelay ? retry.MaxDelay : asked);
        },
        OnRetry = args =>
        {
            ResilienceLog.Retrying(logger, clientName, args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome));
            return ValueTask.CompletedTask;
        },
    };

    private CircuitBreakerStrategyOptions<HttpResponseMessage> CircuitBreaker(string clientName, HttpCircuitBreakerOptions breaker) => new()
    {
        FailureRatio = breaker.FailureRatio,
        MinimumThroughput = breaker.MinimumThroughput,
        SamplingDuration = breaker.SamplingDuration,
        BreakDuration = breaker.BreakDuration,
        ShouldHandle = args => ValueTask.FromResult(HttpTransientFailures.IsTransient(args.Outcome)),
        OnOpened = args =>
        {
            ResilienceLog.CircuitOpened(logger, clientName, args.BreakDuration, Describe(args.Outcome));
            return ValueTask.CompletedTask;
        },
        OnClosed = _ =>
        {
            ResilienceLog.CircuitClosed(logger, clientName);
            return ValueTask.CompletedTask;
        },
    };

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.GetType().Name ?? $"status {(int?)outcome.Result?.StatusCode}";
}
