using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>The resource (who is sending) shared by traces, metrics and logs of one process.</summary>
internal static class TelemetryResource
{
    public static Dictionary<string, object> Attributes(IConfiguration configuration, string applicationName)
    {
        var attributes = ParseList(configuration["OTEL_RESOURCE_ATTRIBUTES"]);

        // OTEL_SERVICE_NAME wins over a service.name inside OTEL_RESOURCE_ATTRIBUTES, as the spec says.
        var serviceName = configuration["OTEL_SERVICE_NAME"];
        if (!string.IsNullOrWhiteSpace(serviceName))
        {
            attributes["service.name"] = serviceName;
        }
        else
        {
            attributes.TryAdd("service.name", applicationName);
        }

        // Aspire passes its own instance id; elsewhere two replicas must still be told apart.
        attributes.TryAdd("service.instance.id", Guid.NewGuid().ToString());
        return attributes;
    }

    /// <summary>Parses <c>key1=value1,key2=value2</c> with percent-encoded values (W3C baggage octets).</summary>
    internal static Dictionary<string, object> ParseList(string? list)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var pair in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var key = pair[..separator].Trim();
            var value = Uri.UnescapeDataString(pair[(separator + 1)..].Trim());
            result[key] = value;
        }

        return result;
    }
}
