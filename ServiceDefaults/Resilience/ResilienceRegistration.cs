using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Resilience;

internal static class ResilienceRegistration
{
    /// <summary>
    /// Gives every HttpClient from the factory its own pipeline. A handler-builder filter rather than
    /// <c>ConfigureHttpClientDefaults</c>: of the hooks that apply to all clients it is the one that is
    /// told the client's name, which the per-client circuit breaker needs.
    /// </summary>
    public static void AddHttpResilience(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HttpResiliencePipelines>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<HttpResilienceOptions>>(new HttpResilienceConfiguration(configuration)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ResilienceHandlerFilter>());
    }
}
