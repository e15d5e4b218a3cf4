using System.Globalization;
using System.Text.Json;

namespace Platform.LocalInfrastructure;

/// <summary>
/// The local identity provider (<c>infra/identity</c>, Node.js and oidc-provider): a development stand-in for
/// Keycloak that serves the realm file Keycloak imports (<c>infra/keycloak/platform-realm.json</c>) at Keycloak's
/// paths, on 127.0.0.1. Its issuer is <c>http://127.0.0.1:&lt;port&gt;/realms/&lt;realm&gt;</c>; its signing key lives
/// in the server's folder, so tokens stay valid across a restart.
/// </summary>
public sealed class IdentityProviderServer : ProcessServer
{
    private static readonly HttpClient s_probeClient = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly string _repositoryRoot;
    private readonly int? _preferredPort;
    private readonly IReadOnlyDictionary<string, string> _realmVariables;

    /// <param name="rootDirectory">The folder holding <c>identity/</c> (keys and state) and <c>logs/</c>.</param>
    /// <param name="repositoryRoot">The repository (default: found from the running assembly).</param>
    /// <param name="realmFile">The realm file (default: <c>infra/keycloak/platform-realm.json</c>).</param>
    /// <param name="port">The port for a new instance; a free one when null. A running instance keeps its own.</param>
    /// <param name="realmVariables">
    /// Values for the realm file's <c>${NAME:default}</c> placeholders (e.g. <c>PLATFORM_GATEWAY_URL</c>), on top of
    /// this process's environment, as Keycloak resolves them from its own.
    /// </param>
    public IdentityProviderServer(
        string rootDirectory,
        string? repositoryRoot = null,
        string? realmFile = null,
        int? port = null,
        IReadOnlyDictionary<string, string>? realmVariables = null)
        : base("identity", rootDirectory)
    {
        _repositoryRoot = repositoryRoot ?? LocalInfrastructure.RepositoryRoot.Find();
        RealmFile = Path.GetFullPath(realmFile ?? DefaultRealmFile(_repositoryRoot));
        Realm = ReadRealmName(RealmFile);
        _preferredPort = port;
        _realmVariables = realmVariables ?? new Dictionary<string, string>();
    }

    /// <summary>The realm file the platform's Keycloak imports: the one source of users, roles and clients.</summary>
    public static string DefaultRealmFile(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "infra", "keycloak", "platform-realm.json");

    public string RealmFile { get; }

    /// <summary>The realm's name (<c>platform</c>): <c>Identity:Realm</c> of the services.</summary>
    public string Realm { get; }

    public int Port => AssignedPort("http", _preferredPort);

    /// <summary>Keycloak's base URL: <c>services__keycloak__http__0</c> of the services.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The token issuer and OpenID Connect authority: <c>Identity:Authority</c> of the services.</summary>
    public Uri Issuer => new(BaseAddress, $"realms/{Realm}");

    public Uri DiscoveryDocument => new($"{Issuer}/.well-known/openid-configuration");

    public Uri TokenEndpoint => new($"{Issuer}/protocol/openid-connect/token");

    private string PackageDirectory => Path.Combine(_repositoryRoot, "infra", "identity");

    private string DataDirectory => Path.Combine(InstanceDirectory, "data");

    /// <summary>Ready when the discovery document answers with this server's own issuer.</summary>
    public override async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await s_probeClient.GetAsync(DiscoveryDocument, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.TryGetProperty("issuer", out var issuer) && issuer.GetString() == Issuer.ToString();
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    public override ResourceDescription Describe() => new(Name, Issuer.ToString(), LogFile, ProcessId);

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await NodePackages.EnsureNodeAsync(cancellationToken);
        await NodePackages.EnsureInstalledAsync(
            PackageDirectory, Path.Combine(_repositoryRoot, ".local"), cancellationToken);
        Directory.CreateDirectory(DataDirectory);
    }

    protected override async Task<int> LaunchAsync(CancellationToken cancellationToken)
    {
        var node = await NodePackages.EnsureNodeAsync(cancellationToken);
        var command = ForegroundCommand();
        return StartDetached(node, command.Arguments, command.Environment, command.WorkingDirectory);
    }

    /// <summary><c>node</c> from PATH (installed by <see cref="ProcessServer.PrepareForLaunchAsync"/> when missing).</summary>
    public override ForegroundCommand ForegroundCommand() =>
        new(
            "node",
            [
                Path.Combine(PackageDirectory, "server.js"),
                "--realm-file", RealmFile,
                "--port", Port.ToString(CultureInfo.InvariantCulture),
                "--host", "127.0.0.1",
                "--data-dir", DataDirectory,
            ],
            new Dictionary<string, string>(_realmVariables) { ["IDP_HOST"] = "127.0.0.1" },
            PackageDirectory);

    private static string ReadRealmName(string realmFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(realmFile));
        return document.RootElement.GetProperty("realm").GetString()
            ?? throw new InvalidOperationException($"{realmFile} names no realm.");
    }
}
