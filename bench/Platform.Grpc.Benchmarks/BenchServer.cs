using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Hosting;
using Platform.Hosting.Tests.Contracts;

namespace Platform.Grpc.Benchmarks;

/// <summary>A Grpc.AspNetCore host set up as every service is, serving Echo and Count exactly as the grpc-js peer does.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BenchServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [GrpcListener.UrlKey] = "http://127.0.0.1:0" });
        builder.Logging.ClearProviders();
        builder.AddPlatformGrpc();
        var app = builder.Build();
        app.MapGrpcService<BenchInteropService>();
        app.MapPlatformGrpc();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<GrpcListener>().Address ?? throw new InvalidOperationException("The gRPC listener did not bind.");
        return new BenchServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The two measured methods; the others answer UNIMPLEMENTED from the generated base.</summary>
internal sealed class BenchInteropService : Interop.InteropBase
{
    public override Task<EchoReply> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Text = request.Text, Payload = request.Payload });

    public override async Task Count(CountRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var payload = ByteString.CopyFrom(new byte[request.PayloadSize]);
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Payload = payload, Index = i }, context.CancellationToken);
        }
    }
}
