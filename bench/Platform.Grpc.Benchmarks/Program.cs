using System.Buffers.Binary;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Grpc.Benchmarks;
using Platform.Hosting.Tests.Contracts;

// gRPC throughput of the platform's Grpc.AspNetCore host against a @grpc/grpc-js server implementing the same RPCs, both
// driven in one run by the same neutral load generator (h2load). Arguments: [seconds per run].
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
const int StreamLength = 1000;
if (!H2Load.IsInstalled())
{
    Console.Error.WriteLine("h2load is missing: apt-get install nghttp2-client");
    return 1;
}

var bodies = Directory.CreateTempSubdirectory("platform-grpc-bench");
var echoBody = WriteFrame(Path.Combine(bodies.FullName, "echo.bin"), new EchoRequest { Text = "hallo wereld", Payload = ByteString.CopyFrom(new byte[64]) });
var countBody = WriteFrame(Path.Combine(bodies.FullName, "count.bin"), new CountRequest { Count = StreamLength, Text = "n", PayloadSize = 64 });

await using var ours = await BenchServer.StartAsync();
await using var peer = await NodePeer.StartAsync();
foreach (var server in new[] { ours.Address, peer.Address })
{
    // Both answer correctly before either is measured: h2load sees HTTP status, not grpc-status.
    using var channel = GrpcChannel.ForAddress(server);
    var client = new Interop.InteropClient(channel);
    var reply = await client.EchoAsync(new EchoRequest { Text = "check" });
    if (reply.Text != "check")
    {
        throw new InvalidOperationException($"{server} did not echo.");
    }

    using var count = client.Count(new CountRequest { Count = StreamLength, Text = "n", PayloadSize = 64 });
    var received = 0;
    await foreach (var message in count.ResponseStream.ReadAllAsync())
    {
        received += message.Payload.Length == 64 ? 1 : 0;
    }

    if (received != StreamLength)
    {
        throw new InvalidOperationException($"{server} streamed {received} of {StreamLength} messages.");
    }
}

Console.WriteLine($"{Environment.ProcessorCount} cores; {seconds} s per run after 2 s warm-up; load generator: h2load, 1 thread");
var unaryOurs = await H2Load.RunAsync(ours.Address, "/platform.testing.v1.Interop/Echo", echoBody, connections: 16, streamsPerConnection: 32, seconds);
var unaryPeer = await H2Load.RunAsync(peer.Address, "/platform.testing.v1.Interop/Echo", echoBody, connections: 16, streamsPerConnection: 32, seconds);
var streamOurs = await H2Load.RunAsync(ours.Address, "/platform.testing.v1.Interop/Count", countBody, connections: 4, streamsPerConnection: 4, seconds);
var streamPeer = await H2Load.RunAsync(peer.Address, "/platform.testing.v1.Interop/Count", countBody, connections: 4, streamsPerConnection: 4, seconds);

Console.WriteLine($"unary Echo (16 connections x 32 streams)     Grpc.AspNetCore {unaryOurs.RequestsPerSecond,10:N0} req/s   grpc-js {unaryPeer.RequestsPerSecond,10:N0} req/s   ratio {unaryOurs.RequestsPerSecond / unaryPeer.RequestsPerSecond:N2}");
Console.WriteLine($"server streaming Count ({StreamLength} x 64 B per call)  Grpc.AspNetCore {streamOurs.RequestsPerSecond * StreamLength,10:N0} msg/s   grpc-js {streamPeer.RequestsPerSecond * StreamLength,10:N0} msg/s   ratio {streamOurs.RequestsPerSecond / streamPeer.RequestsPerSecond:N2}");
Console.WriteLine($"failed requests: ours {unaryOurs.Failed + streamOurs.Failed}, grpc-js {unaryPeer.Failed + streamPeer.Failed}");
bodies.Delete(recursive: true);
return 0;

static string WriteFrame(string path, IMessage message)
{
    var payload = message.ToByteArray();
    var frame = new byte[5 + payload.Length];
    BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
    payload.CopyTo(frame, 5);
    File.WriteAllBytes(path, frame);
    return path;
}
