using Polly;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>Sends each request through the client's resilience pipeline.</summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A retry sends the same content again: a buffer can be read any number of times, a stream cannot.
        if (request.Content is not null && HttpTransientFailures.IsIdempotent(request.Method))
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpTransientFailures.RequestKey, request);
        try
        {
            return await pipeline.ExecuteAsync(
                static (context, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, context.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null && HttpTransientFailures.IsIdempotent(request.Method))
        {
            // HttpContent has no synchronous buffering; the caller chose to block anyway.
            request.Content.LoadIntoBufferAsync(cancellationToken).GetAwaiter().GetResult();
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HttpTransientFailures.RequestKey, request);
        try
        {
            return pipeline.Execute(
                static (context, state) => state.Handler.SendOnce(state.Request, context.CancellationToken),
                context,
                (Handler: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private HttpResponseMessage SendOnce(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.Send(request, cancellationToken);
}
