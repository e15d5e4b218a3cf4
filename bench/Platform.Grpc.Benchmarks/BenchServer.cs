using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Grpc;
using Platform.Grpc.Hosting;
using Platform.Grpc.Server;
using Platform.Grpc.Tests.Interop;

namespace Platform.Grpc.Benchmarks;

/// <summary>Our binding serving Echo and Count exactly as the grpc-js peer does, on an h2c listener.</summary>
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
        builder.AddGrpcListener();
        builder.Services.AddPlatformGrpc(builder.Configuration);
        var app = builder.Build();
        app.MapGrpcService(InteropReflection.Descriptor.Services[0], service =>
        {
            service.Unary<EchoRequest, EchoReply>("Echo", (request, _) => Task.FromResult(new EchoReply { Text = request.Text, Payload = request.Payload }));
            service.ServerStreaming<CountRequest, EchoReply>("Count", async (request, responses, context) =>
            {
                var payload = ByteString.CopyFrom(new byte[request.PayloadSize]);
                for (var i = 0; i < request.Count; i++)
                {
                    await responses.WriteAsync(new EchoReply { Text = request.Text, Payload = payload, Index = i }, context.CancellationToken);
                }
            });
        });
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
