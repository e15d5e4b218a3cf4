namespace Platform.Launcher;

/// <summary>A service the local run starts, with the resources it gets the same way the AppHost gives them.</summary>
/// <param name="Name">The resource name: <c>services__&lt;name&gt;__http__0</c>, <c>OTEL_SERVICE_NAME</c>, the log file.</param>
/// <param name="Project">The project file, relative to the repository root.</param>
/// <param name="Database">The database it owns (<c>ConnectionStrings__&lt;database&gt;</c>), if any.</param>
/// <param name="UsesMessaging">Whether it gets <c>ConnectionStrings__messaging</c> (RabbitMQ).</param>
/// <param name="ServesGrpc">Whether it serves provider gRPC on a cleartext HTTP/2 listener (<c>services__&lt;name&gt;__grpc__0</c>).</param>
internal sealed record PlatformService(string Name, string Project, string? Database = null, bool UsesMessaging = false, bool ServesGrpc = false);

internal static class PlatformServices
{
    /// <summary>
    /// Every service of the platform, in start order. One line each, e.g.
    /// <c>new("populations", "src/Platform.Populations/Platform.Populations.csproj", "populationsdb", UsesMessaging: true),</c>
    /// </summary>
    public static IReadOnlyList<PlatformService> All { get; } =
    [
        new("populations", "src/Platform.Populations/Platform.Populations.csproj", "populationsdb", UsesMessaging: true, ServesGrpc: true),

        // The gateway comes last: it routes to every service before it.
        new("gateway", "src/Platform.Gateway/Platform.Gateway.csproj", ServesGrpc: true),
    ];
}
