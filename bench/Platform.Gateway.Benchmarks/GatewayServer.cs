using System.Globalization;
using Platform.LocalInfrastructure;

namespace Platform.Gateway.Benchmarks;

/// <summary>
/// The gateway as the local run starts it: the Release build in its own process, configured by
/// environment variables, with the backend as the populations service.
/// </summary>
internal static class GatewayServer
{
    public static HttpProcessServer Create(string repository, string rootDirectory, IdentityProviderServer identity, Uri backend)
    {
        var project = Path.Combine(repository, "src", "Platform.Gateway");
        var assembly = Path.Combine(project, "bin", "Release", "net10.0", "Platform.Gateway.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException(
                $"{assembly} is missing: run with 'dotnet run -c Release', or build it with 'dotnet build -c Release src/Platform.Gateway'.");
        }

        var command = new HttpProcessCommand("dotnet", [assembly], project, address => new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Identity__Authority"] = identity.Issuer.ToString().TrimEnd('/'),
            ["services__populations__http__0"] = backend.ToString().TrimEnd('/'),
            // Far above what wrk sends, so the rate limiter is measured but never refuses.
            ["Gateway__RequestsPerMinute"] = 100_000_000.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        });
        return new HttpProcessServer("gateway", rootDirectory, command, "/alive");
    }
}
