namespace Platform.Resources;

/// <summary>A service of the platform, with the resources it gets by name.</summary>
/// <param name="Name">The resource name: <c>services__&lt;name&gt;__http__0</c>, <c>OTEL_SERVICE_NAME</c>, the log file.</param>
/// <param name="Project">The project file, relative to the repository root.</param>
/// <param name="Database">The database it owns (<c>ConnectionStrings__&lt;database&gt;</c>), if any.</param>
/// <param name="UsesMessaging">Whether it gets <c>ConnectionStrings__messaging</c> (RabbitMQ).</param>
/// <param name="ServesGrpc">Whether it serves provider gRPC on a cleartext HTTP/2 endpoint named <c>grpc</c> (<c>services__&lt;name&gt;__grpc__0</c>).</param>
public sealed record PlatformService(string Name, string Project, string? Database = null, bool UsesMessaging = false, bool ServesGrpc = false);

/// <summary>
/// The one list of resource names: the AppHost declares these resources, whether they run as containers or as
/// local executables, so a service receives the same configuration keys either way.
/// </summary>
public static class PlatformResources
{
    /// <summary>The PostgreSQL server that holds every service's database.</summary>
    public const string Postgres = "postgres";

    /// <summary>The RabbitMQ broker: <c>ConnectionStrings__messaging</c>.</summary>
    public const string Messaging = "messaging";

    /// <summary>The identity provider (Keycloak, or its local stand-in): <c>services__keycloak__http__0</c>.</summary>
    public const string Identity = "keycloak";

    /// <summary>The realm both identity providers serve, relative to the repository root; its realm is <see cref="Realm"/>.</summary>
    public const string RealmFile = "infra/keycloak/platform-realm.json";

    /// <summary>The realm's name: <c>Identity__Realm</c>, and the last segment of the issuer.</summary>
    public const string Realm = "platform";

    /// <summary>The gRPC endpoint's name: <c>Kestrel__Endpoints__grpc__Url</c> in the service, <c>services__&lt;name&gt;__grpc__0</c> in its callers.</summary>
    public const string GrpcEndpoint = "grpc";

    /// <summary>Consumes the populations, contracts and outcomes services' events, so it starts first: its queues must exist before they publish.</summary>
    public static PlatformService Budgets { get; } =
        new("budgets", "src/Platform.Budgets/Platform.Budgets.csproj", "budgetsdb", UsesMessaging: true);

    /// <summary>Consumes the contracts service's events, so it starts first: its queues must exist before contracts publishes.</summary>
    public static PlatformService Outcomes { get; } =
        new("outcomes", "src/Platform.Outcomes/Platform.Outcomes.csproj", "outcomesdb", UsesMessaging: true, ServesGrpc: true);

    /// <summary>Consumes the populations service's events, so it starts first: its queues must exist before the first event.</summary>
    public static PlatformService Referrals { get; } =
        new("referrals", "src/Platform.Referrals/Platform.Referrals.csproj", "referralsdb", UsesMessaging: true, ServesGrpc: true);

    /// <summary>Consumes the populations service's events (its scope's populations), so it starts before it.</summary>
    public static PlatformService Contracts { get; } =
        new("contracts", "src/Platform.Contracts/Platform.Contracts.csproj", "contractsdb", UsesMessaging: true, ServesGrpc: true);

    public static PlatformService Populations { get; } =
        new("populations", "src/Platform.Populations/Platform.Populations.csproj", "populationsdb", UsesMessaging: true, ServesGrpc: true);

    /// <summary>The staff portal: Blazor pages the gateway serves at <c>/</c>, calling the services back through the gateway.</summary>
    public static PlatformService Portal { get; } =
        new("portal", "src/Platform.Portal/Platform.Portal.csproj");

    /// <summary>The single entry point; it routes to every other service.</summary>
    public static PlatformService Gateway { get; } =
        new("gateway", "src/Platform.Gateway/Platform.Gateway.csproj", ServesGrpc: true);

    /// <summary>
    /// Every service, in start order; the gateway comes last. A new service is one line here, e.g.
    /// <c>new("budgets", "src/Platform.Budgets/Platform.Budgets.csproj", "budgetsdb", UsesMessaging: true)</c>,
    /// and its <c>AddProject</c> in <c>AppHost.cs</c>.
    /// </summary>
    public static IReadOnlyList<PlatformService> Services { get; } = [Budgets, Outcomes, Referrals, Contracts, Populations, Portal, Gateway];
}
