using System.Globalization;
using Platform.LocalInfrastructure;

namespace Platform.Gateway.Benchmarks;

/// <summary>
/// The gateway as the local run starts it: the Release build in its own process, configured by
/// environment variables, with the backend as the populations service.
/// </summary>
internal sealed class GatewayServer(string repository, string rootDirectory, IdentityProviderServer identity, Uri backend)
    : ChildServer("gateway", rootDirectory)
{
    private string Project => Path.Combine(repository, "src", "Platform.Gateway");

    private string Assembly => Path.Combine(Project, "bin", "Release", "net10.0", "Platform.Gateway.dll");

    protected override string ReadinessPath => "/alive";

    protected override Task PrepareAsync(CancellationToken cancellationToken) => File.Exists(Assembly)
        ? Task.CompletedTask
        : throw new InvalidOperationException(
            $"{Assembly} is missing: run with 'dotnet run -c Release', or build it with 'dotnet build -c Release src/Platform.Gateway'.");

    protected override Task<int> LaunchAsync(CancellationToken cancellationToken) =>
        Task.FromResult(StartChild("dotnet", [Assembly], new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Identity__Authority"] = identity.Issuer.ToString().TrimEnd('/'),
            ["services__populations__http__0"] = backend.ToString().TrimEnd('/'),
            // Far above what wrk sends, so the rate limiter does its work but never refuses.
            ["Gateway__RequestsPerMinute"] = 100_000_000.ToString(CultureInfo.InvariantCulture),
            ["Gateway__TenantRequestsPerMinute"] = 100_000_000.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        }, Project));
}
