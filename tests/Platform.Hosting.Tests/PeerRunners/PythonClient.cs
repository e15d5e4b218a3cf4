using System.Text.Json;
using Google.Protobuf.Reflection;
using Platform.Hosting.Tests.Contracts;

namespace Platform.Hosting.Tests.PeerRunners;

/// <summary>python grpcio (gRPC C-core), Debian's python3-grpcio, as a client of our server.</summary>
internal static class PythonClient
{
    // Debian's interpreter: the one python3-grpcio installs into (a pyenv python on PATH may lack it).
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<string[]> s_descriptors = new(WriteDescriptors);

    public static async Task<List<PeerResult>> RunAsync(Uri target, params PeerCall[] calls)
    {
        var spec = JsonSerializer.Serialize(new { Target = $"{target.Host}:{target.Port}", Descriptors = s_descriptors.Value, Calls = calls }, PeerJson.Options);
        var output = await PeerProcess.RunAsync(Python, ["python_client.py"], spec, TimeSpan.FromMinutes(2));
        return JsonSerializer.Deserialize<List<PeerResult>>(output, PeerJson.Options)!;
    }

    public static async Task<PeerResult> CallAsync(Uri target, PeerCall call) => (await RunAsync(target, call)).Single();

    /// <summary>The compiled descriptors of every proto the tests call, so the peer needs no code generation.</summary>
    private static string[] WriteDescriptors()
    {
        var directory = Path.Combine(Path.GetTempPath(), "platform-grpc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        FileDescriptor[] files =
        [
            Google.Protobuf.WellKnownTypes.AnyReflection.Descriptor,
            Google.Protobuf.WellKnownTypes.DurationReflection.Descriptor,
            Google.Rpc.StatusReflection.Descriptor,
            Google.Rpc.ErrorDetailsReflection.Descriptor,
            Grpc.Health.V1.HealthReflection.Descriptor,
            InteropReflection.Descriptor,
            Provider.V1.ProviderIdentityReflection.Descriptor,
        ];
        return [.. files.Select((file, index) =>
        {
            var path = Path.Combine(directory, $"{index}.pb");
            File.WriteAllBytes(path, file.SerializedData.ToByteArray());
            return path;
        })];
    }
}
