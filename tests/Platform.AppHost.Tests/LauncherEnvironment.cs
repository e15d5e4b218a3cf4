using Platform.Hosting;
using Platform.Launcher;
using Platform.LocalInfrastructure;

namespace Platform.AppHost.Tests;

/// <summary>What the local launcher gives one service, read back from the configuration keys it sets.</summary>
internal sealed record LaunchedService(string Name, IReadOnlyDictionary<string, string> Environment)
{
    private const string ConnectionStringPrefix = "ConnectionStrings__";

    /// <summary>Databases by name: the connection strings that are not AMQP URIs.</summary>
    public IEnumerable<string> Databases => ConnectionStrings(amqp: false);

    public IEnumerable<string> Brokers => ConnectionStrings(amqp: true);

    /// <summary>Names behind <c>services__&lt;name&gt;__http__0</c>.</summary>
    public IEnumerable<string> Addresses =>
        Environment.Keys.Where(key => key.StartsWith("services__", StringComparison.Ordinal) && key.EndsWith("__http__0", StringComparison.Ordinal))
            .Select(key => key["services__".Length..^"__http__0".Length]);

    public bool ServesGrpc => Environment.ContainsKey($"Kestrel__Endpoints__{PlatformResources.GrpcEndpoint}__Url");

    private IEnumerable<string> ConnectionStrings(bool amqp) =>
        Environment.Where(entry => entry.Key.StartsWith(ConnectionStringPrefix, StringComparison.Ordinal)
                && entry.Value.StartsWith("amqp://", StringComparison.Ordinal) == amqp)
            .Select(entry => entry.Key[ConnectionStringPrefix.Length..]);
}

/// <summary>The launcher's run, as <c>./run.sh</c> would start it; nothing is started, only read.</summary>
internal static class LauncherEnvironment
{
    public static LocalPlatform LocalRun() => new(RepositoryRoot.Find());

    public static IReadOnlyList<LaunchedService> Services()
    {
        var platform = LocalRun();
        return [.. PlatformResources.Services.Zip(platform.Services)
            .Select(pair => new LaunchedService(pair.Second.Name, platform.Environment(pair.First, pair.Second.BaseAddress)))];
    }

    /// <summary>The addresses every service gets that are not services: the identity provider's.</summary>
    public static IEnumerable<string> NonServiceAddresses(LaunchedService service, IReadOnlyList<LaunchedService> all) =>
        service.Addresses.Except(all.Select(s => s.Name));
}
