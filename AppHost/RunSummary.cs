using System.Diagnostics;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Platform.LocalInfrastructure;
using Platform.Resources;

namespace Platform.AppHost;

/// <summary>
/// What a person or a script needs once everything is healthy: the dashboard's login address, the gateway's REST and
/// gRPC addresses, and the realm's demo users with a ready-to-paste token request. Printed, and written as JSON.
/// </summary>
internal sealed record RunSummary(
    DateTimeOffset HealthyAt,
    double SecondsToHealthy,
    string Mode,
    string? Dashboard,
    string Gateway,
    string GatewayGrpc,
    string Identity,
    string TokenEndpoint,
    IReadOnlyList<RunSummary.DemoUser> Users,
    IReadOnlyList<RunSummary.ProviderSystem> ProviderSystems,
    string TokenCommand)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    internal sealed record DemoUser(string Username, string? Password, IReadOnlyList<string> Roles, string? Municipality, string? Region);

    internal sealed record ProviderSystem(string ClientId, string? DevelopmentSecret);

    public static async Task<RunSummary> CreateAsync(
        IConfiguration configuration, string mode, EndpointReference gateway, EndpointReference gatewayGrpc,
        ReferenceExpression identityUrl, string realmFile, CancellationToken cancellationToken)
    {
        var identity = (await identityUrl.GetValueAsync(cancellationToken))!;
        var tokenEndpoint = $"{identity}/realms/{PlatformResources.Realm}/protocol/openid-connect/token";
        var realm = RealmSummary.Read(realmFile);
        var example = realm.Users.FirstOrDefault(user => user.Municipality is not null) ?? realm.Users[0];
        return new RunSummary(
            DateTimeOffset.Now,
            Math.Round((DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds, 1),
            mode,
            DashboardLogin(configuration),
            gateway.Url,
            gatewayGrpc.Url,
            identity,
            tokenEndpoint,
            [.. realm.Users.Select(user => new DemoUser(user.Username, user.Password, user.Roles, user.Municipality, user.Region))],
            [.. realm.ServiceClients.Select(client => new ProviderSystem(client.ClientId, client.DevelopmentSecret))],
            $"curl -s -d grant_type=password -d client_id=platform-cli -d username={example.Username} -d password={example.Password} {tokenEndpoint}");
    }

    /// <summary>The dashboard's first address, with the browser token when it asks for one.</summary>
    private static string? DashboardLogin(IConfiguration configuration)
    {
        var address = configuration["ASPNETCORE_URLS"]?.Split(';')[0].TrimEnd('/');
        return address is null ? null
            : configuration["AppHost:BrowserToken"] is { Length: > 0 } token ? $"{address}/login?t={token}" : address;
    }

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, s_json));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public void Print(string file)
    {
        Console.WriteLine($"""

            The platform is up ({Mode} infrastructure), every resource healthy after {SecondsToHealthy} s.
              Dashboard:      {Dashboard}
              Gateway REST:   {Gateway}/api/<service>/...  (log in at {Gateway}/login)
              Gateway gRPC:   {GatewayGrpc}  (cleartext HTTP/2, provider systems)
              Identity:       {Identity}/realms/{PlatformResources.Realm}
              Demo users (password "demo"): {string.Join(", ", Users.Select(user => user.Username))}
              Provider systems (client credentials): {string.Join(", ", ProviderSystems.Select(client => $"{client.ClientId} / {client.DevelopmentSecret}"))}
              A token:        {TokenCommand}
              These facts as JSON: {file}
              Stop:           ./run.sh down  (or Ctrl+C)

            """);
    }
}
