using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing.Otlp.Protocol;

namespace Platform.Testing.Otlp;

/// <summary>
/// A real OTLP endpoint on loopback for tests: OTLP/HTTP protobuf on <see cref="Endpoint"/> and
/// OTLP/gRPC (cleartext HTTP/2) on <see cref="GrpcEndpoint"/>. Everything received is kept in memory.
/// </summary>
/// <example>
/// <code>
/// await using var receiver = await OtlpReceiver.StartAsync();
/// // point a service at receiver.ExporterSettings(OtlpTransport.HttpProtobuf), make it do something, then:
/// var span = await receiver.WaitForSpanAsync(s => s.TraceId == traceId);
/// </code>
/// </example>
public sealed class OtlpReceiver : IAsyncDisposable
{
    /// <summary>How long the WaitFor methods wait when no timeout is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly WebApplication app;
    private readonly RecordedStream<ReceivedExport> exports = new();
    private readonly RecordedStream<ReceivedSpan> spans = new();
    private readonly RecordedStream<ReceivedLogRecord> logs = new();
    private readonly RecordedStream<ReceivedMetric> metrics = new();

    private OtlpReceiver(WebApplication app) => this.app = app;

    /// <summary>OTLP/HTTP base address, e.g. <c>http://127.0.0.1:41234</c>; signals go to /v1/traces, /v1/metrics, /v1/logs.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>OTLP/gRPC address (HTTP/2 without TLS).</summary>
    public Uri GrpcEndpoint { get; private set; } = null!;

    public IReadOnlyList<ReceivedExport> Exports => exports.Snapshot();

    /// <summary>The request headers of every export, in arrival order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Headers => [.. exports.Snapshot().Select(e => e.Headers)];

    public IReadOnlyList<ReceivedSpan> Spans => spans.Snapshot();

    public IReadOnlyList<ReceivedLogRecord> Logs => logs.Snapshot();

    public IReadOnlyList<ReceivedMetric> Metrics => metrics.Snapshot();

    public static async Task<OtlpReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        ListenOptions? http = null;
        ListenOptions? grpc = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, options => (http = options).Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, 0, options => (grpc = options).Protocols = HttpProtocols.Http2);
        });
        KeepOutOfTraces(builder.Services);

        var receiver = new OtlpReceiver(builder.Build());
        receiver.app.Run(context => OtlpEndpoints.HandleAsync(context, receiver.Accept));
        await receiver.app.StartAsync(cancellationToken).ConfigureAwait(false);

        // Kestrel writes the bound port back into the ListenOptions once port 0 is bound.
        receiver.Endpoint = new Uri($"http://127.0.0.1:{http!.IPEndPoint!.Port}");
        receiver.GrpcEndpoint = new Uri($"http://127.0.0.1:{grpc!.IPEndPoint!.Port}");
        return receiver;
    }

    /// <summary>
    /// The configuration a service needs to export here, keyed as the <c>OTEL_*</c> environment variables
    /// (ready for <c>AddInMemoryCollection</c> or a child process environment).
    /// </summary>
    public Dictionary<string, string?> ExporterSettings(OtlpTransport transport) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = (transport == OtlpTransport.Grpc ? GrpcEndpoint : Endpoint).ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = transport == OtlpTransport.Grpc ? "grpc" : "http/protobuf",
    };

    public Task<ReceivedSpan> WaitForSpanAsync(Func<ReceivedSpan, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        spans.WaitAsync(predicate, timeout ?? DefaultTimeout, "span", cancellationToken);

    public Task<ReceivedLogRecord> WaitForLogAsync(Func<ReceivedLogRecord, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        logs.WaitAsync(predicate, timeout ?? DefaultTimeout, "log record", cancellationToken);

    public Task<ReceivedMetric> WaitForMetricAsync(Func<ReceivedMetric, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        metrics.WaitAsync(predicate, timeout ?? DefaultTimeout, "metric", cancellationToken);

    public Task<ReceivedExport> WaitForExportAsync(Func<ReceivedExport, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        exports.WaitAsync(predicate, timeout ?? DefaultTimeout, "export", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private void Accept(ReceivedExport export, byte[] message)
    {
        // Decode before recording the export, so a test that saw the export also sees its contents.
        switch (export.Signal)
        {
            case OtlpSignal.Traces:
                spans.Add(OtlpDecoder.Spans(ExportTraceServiceRequest.Parser.ParseFrom(message)));
                break;
            case OtlpSignal.Logs:
                logs.Add(OtlpDecoder.Logs(ExportLogsServiceRequest.Parser.ParseFrom(message)));
                break;
            case OtlpSignal.Metrics:
                metrics.Add(OtlpDecoder.Metrics(ExportMetricsServiceRequest.Parser.ParseFrom(message)));
                break;
        }

        exports.Add([export]);
    }

    // Every tracer provider in the test process listens to the "Microsoft.AspNetCore" source, so the
    // receiver's own requests would become spans, be exported to it, and feed back forever. The web host
    // takes its ActivitySource and DiagnosticListener from the container; private names keep them unheard.
    private static void KeepOutOfTraces(IServiceCollection services)
    {
        // Not under "Platform.*" either, which the platform's tracer provider listens to.
        const string UnheardName = "OtlpReceiver.Hosting";
        services.AddSingleton(_ => new ActivitySource(UnheardName));
        services.AddSingleton(_ => new DiagnosticListener(UnheardName));
    }
}
