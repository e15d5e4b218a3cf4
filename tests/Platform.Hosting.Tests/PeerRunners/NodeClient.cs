using System.Text.Json;
using Platform.LocalInfrastructure;

namespace Platform.Hosting.Tests.PeerRunners;

/// <summary>@grpc/grpc-js, loading the same .proto files through @grpc/proto-loader, as a client of our server.</summary>
internal static class NodeClient
{
    private static readonly string[] ProtoFiles =
        ["platform/testing/v1/interop.proto", "platform/provider/v1/provider_identity.proto", "grpc/health/v1/health.proto"];

    public static async Task<List<PeerResult>> RunAsync(Uri target, params PeerCall[] calls)
    {
        await NodePackages.EnsureInstalledAsync();
        var root = RepositoryRoot.Find();
        var spec = JsonSerializer.Serialize(new
        {
            Target = $"{target.Host}:{target.Port}",
            Protos = ProtoFiles,
            IncludeDirs = new[]
            {
                PeerProcess.ProtosDirectory,
                Path.Combine(root, "src", "Platform.Provider.Contracts", "Protos"),
            },
            Calls = calls,
        }, PeerJson.Options);
        var output = await PeerProcess.RunAsync("node", ["node_client.js"], spec, TimeSpan.FromMinutes(2));
        return JsonSerializer.Deserialize<List<PeerResult>>(output, PeerJson.Options)!;
    }

    public static async Task<PeerResult> CallAsync(Uri target, PeerCall call) => (await RunAsync(target, call)).Single();
}
