using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.ServiceDefaults.ServiceDiscovery;

public static class ServiceAddressRegistration
{
    /// <summary>
    /// A named HttpClient for another platform service whose BaseAddress is
    /// <c>services:&lt;serviceName&gt;:https:0</c>, else <c>services:&lt;serviceName&gt;:http:0</c>.
    /// Creating the client throws, naming both keys, when neither is configured.
    /// </summary>
    public static IHttpClientBuilder AddServiceHttpClient(this IServiceCollection services, string serviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        services.AddServiceAddresses();
        return services.AddHttpClient(serviceName).ConfigureHttpClient(ResolveBaseAddress(serviceName));
    }

    /// <summary>As <see cref="AddServiceHttpClient(IServiceCollection, string)"/>, for a typed client.</summary>
    public static IHttpClientBuilder AddServiceHttpClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        services.AddServiceAddresses();
        return services.AddHttpClient<TClient>(serviceName).ConfigureHttpClient(ResolveBaseAddress(serviceName));
    }

    internal static void AddServiceAddresses(this IServiceCollection services)
    {
        services.TryAddSingleton<ServiceAddresses>();
        services.TryAddTransient<ServiceAddressHandler>();
    }

    internal static void AddServiceAddressResolution(this IHttpClientBuilder http) =>
        http.AddHttpMessageHandler<ServiceAddressHandler>();

    // Resolved each time a client is created, so a configuration reload reaches new clients.
    private static Action<IServiceProvider, HttpClient> ResolveBaseAddress(string serviceName) =>
        (services, client) => client.BaseAddress = services.GetRequiredService<ServiceAddresses>().Resolve(serviceName);
}
