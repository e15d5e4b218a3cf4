using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Gateway.Benchmarks;

/// <summary>
/// The service behind all three targets: a minimal Kestrel app in this process answering
/// <c>GET /api/populations/ping</c> with a fixed JSON body of about 100 bytes. It does no work of its
/// own, so what the gateway and nginx add shows up against it.
/// </summary>
internal sealed class PingBackend : IAsyncDisposable
{
    public const string PingPath = "/api/populations/ping";

    public static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"service":"populations","status":"ok","region":"Holland Rijnland","municipality":"GM0484"}""");

    private readonly WebApplication _app;

    private PingBackend(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<PingBackend> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet(PingPath, () => Results.Bytes(Body, "application/json"));
        await app.StartAsync(cancellationToken);

        // After the start, the addresses Kestrel bound: port 0 became a free port.
        return new PingBackend(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
