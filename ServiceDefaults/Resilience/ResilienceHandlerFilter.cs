using Microsoft.Extensions.Http;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>
/// Puts the client's pipeline in front of the handlers the client configured (address resolution,
/// tokens), so that every retry passes through them again.
/// </summary>
internal sealed class ResilienceHandlerFilter(HttpResiliencePipelines pipelines) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (pipelines.For(builder.Name ?? "") is { } pipeline)
        {
            builder.AdditionalHandlers.Insert(0, new ResilienceHandler(pipeline));
        }
    };
}
