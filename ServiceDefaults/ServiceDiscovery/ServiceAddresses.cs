using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.ServiceDiscovery;

/// <summary>
/// Service addresses as the AppHost (and the local launcher) inject them:
/// <c>services__&lt;name&gt;__&lt;endpoint&gt;__&lt;index&gt;</c>, read as <c>services:&lt;name&gt;:&lt;endpoint&gt;:&lt;index&gt;</c>.
/// Only index 0 is used: each service runs one replica per endpoint here, so there is nothing to balance.
/// </summary>
public sealed class ServiceAddresses(IConfiguration configuration)
{
    /// <summary>Endpoint names tried for a bare service name, most secure first.</summary>
    public static readonly IReadOnlyList<string> DefaultEndpoints = ["https", "http"];

    /// <summary>True when anything is configured under <c>services:&lt;serviceName&gt;</c>.</summary>
    public bool IsKnown(string serviceName) => configuration.GetSection(SectionKey(serviceName)).Exists();

    /// <summary>The first configured address among <paramref name="endpointNames"/>, or an exception naming the keys looked at.</summary>
    public Uri Resolve(string serviceName, IReadOnlyList<string>? endpointNames = null)
    {
        endpointNames ??= DefaultEndpoints;
        return TryResolve(serviceName, endpointNames) ?? throw new InvalidOperationException(
            $"No address is configured for service '{serviceName}'. Looked for "
            + string.Join(", then ", endpointNames.Select(e => $"'{Key(serviceName, e)}'"))
            + $" (as environment variables: {string.Join(", ", endpointNames.Select(e => $"services__{serviceName}__{e}__0"))}).");
    }

    public Uri? TryResolve(string serviceName, IReadOnlyList<string>? endpointNames = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        foreach (var endpoint in endpointNames ?? DefaultEndpoints)
        {
            var key = Key(serviceName, endpoint);
            var value = configuration[key];
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            return Uri.TryCreate(value, UriKind.Absolute, out var address)
                ? address
                : throw new InvalidOperationException($"'{key}' is '{value}', which is not an absolute URI.");
        }

        return null;
    }

    private static string SectionKey(string serviceName) => $"services:{serviceName}";

    private static string Key(string serviceName, string endpoint) => $"services:{serviceName}:{endpoint}:0";
}
