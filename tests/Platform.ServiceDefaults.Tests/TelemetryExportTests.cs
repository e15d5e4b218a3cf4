using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Platform.Testing.Otlp;

namespace Platform.ServiceDefaults.Tests;

public sealed class TelemetryExportTests
{
    private const string ApiKey = "0123456789abcdef";

    [Theory]
    [InlineData(OtlpTransport.Grpc)]
    [InlineData(OtlpTransport.HttpProtobuf)]
    public async Task Server_span_arrives_with_the_service_name_and_the_api_key_header(OtlpTransport transport)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var service = await TestService.StartAsync(Settings(receiver, transport), mapEndpoints: MapOrders);

        var (response, caller) = await service.GetInNewTraceAsync("/orders/42");
        response.EnsureSuccessStatusCode();

        var span = await receiver.WaitForSpanAsync(s => s.TraceId == caller.TraceId && s.Kind == ActivityKind.Server);
        Assert.Equal("orders", span.ServiceName);
        Assert.Equal("test", span.ResourceAttributes["deployment.environment.name"]);
        Assert.Equal(caller.SpanId, span.ParentSpanId);
        Assert.Equal("GET /orders/{id}", span.Name);
        Assert.Equal("/orders/{id}", span.Attribute("http.route"));
        Assert.Equal("/orders/42", span.Attribute("url.path"));
        Assert.Equal(200L, span.Attribute("http.response.status_code"));

        var export = receiver.Exports.First(e => e.Signal == OtlpSignal.Traces);
        Assert.Equal(transport, export.Transport);
        Assert.Equal(ApiKey, export.Headers["x-otlp-api-key"]);
        if (transport == OtlpTransport.HttpProtobuf)
        {
            Assert.Equal("/v1/traces", export.Path);
        }
    }

    [Fact]
    public async Task Health_probe_requests_are_not_exported_as_spans()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var service = await TestService.StartAsync(Settings(receiver, OtlpTransport.HttpProtobuf), mapEndpoints: MapOrders);

        var (health, healthCaller) = await service.GetInNewTraceAsync("/health");
        var (alive, aliveCaller) = await service.GetInNewTraceAsync("/alive");
        var (order, orderCaller) = await service.GetInNewTraceAsync("/orders/1");
        Assert.True(health.IsSuccessStatusCode && alive.IsSuccessStatusCode && order.IsSuccessStatusCode);

        // The probes finished first; spans leave one provider in order, so theirs would have arrived by now.
        await receiver.WaitForSpanAsync(s => s.TraceId == orderCaller.TraceId);
        Assert.DoesNotContain(receiver.Spans, s => s.TraceId == healthCaller.TraceId || s.TraceId == aliveCaller.TraceId);
    }

    [Fact]
    public async Task Log_written_while_handling_a_request_carries_its_trace_id()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var service = await TestService.StartAsync(Settings(receiver, OtlpTransport.HttpProtobuf), mapEndpoints: MapOrders);

        var (response, caller) = await service.GetInNewTraceAsync("/orders/7");
        response.EnsureSuccessStatusCode();

        var log = await receiver.WaitForLogAsync(l => l.Body == "Order 7 looked up");
        Assert.Equal(caller.TraceId, log.TraceId);
        Assert.Equal("orders", log.ServiceName);
        Assert.Equal("Information", log.SeverityText);
        Assert.Equal(7L, log.Attributes["OrderId"]);
        Assert.Equal("Utrecht", log.Attributes["Municipality"]);
    }

    [Fact]
    public async Task Spans_and_logs_of_the_last_request_are_flushed_when_the_host_shuts_down()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var settings = Settings(receiver, OtlpTransport.HttpProtobuf);

        // Ten minutes between scheduled exports: anything that arrives was flushed by the shutdown.
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "600000";
        settings["OTEL_BLRP_SCHEDULE_DELAY"] = "600000";
        var service = await TestService.StartAsync(settings, mapEndpoints: MapOrders);

        var (response, caller) = await service.GetInNewTraceAsync("/orders/9");
        response.EnsureSuccessStatusCode();

        // As at the end of Program.Run: the host stops, then disposing it flushes the providers.
        await service.App.StopAsync();
        await service.DisposeAsync();

        Assert.Contains(receiver.Spans, s => s.TraceId == caller.TraceId && s.Kind == ActivityKind.Server);
        Assert.Contains(receiver.Logs, l => l.TraceId == caller.TraceId && l.Body == "Order 9 looked up");
    }

    [Fact]
    public async Task Metrics_arrive_at_the_configured_interval()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var settings = Settings(receiver, OtlpTransport.Grpc);

        // The default interval is a minute, well past the wait below.
        settings["OTEL_METRIC_EXPORT_INTERVAL"] = "200";
        await using var service = await TestService.StartAsync(settings, mapEndpoints: MapOrders);

        (await service.GetInNewTraceAsync("/orders/3")).Response.EnsureSuccessStatusCode();

        var requestDuration = await receiver.WaitForMetricAsync(m => m.Name == "http.server.request.duration" && m.ServiceName == "orders");
        Assert.Equal("Microsoft.AspNetCore.Hosting", requestDuration.ScopeName);
        await receiver.WaitForMetricAsync(m => m.ScopeName == "System.Runtime" && m.ServiceName == "orders");
    }

    [Fact]
    public async Task Platform_sources_and_sources_a_service_adds_are_exported()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var extraSource = new ActivitySource("Reporting.Exports");
        using var platformSource = new ActivitySource("Platform");
        using var populationsSource = new ActivitySource("Platform.Populations");
        await using var service = await TestService.StartAsync(
            Settings(receiver, OtlpTransport.HttpProtobuf),
            builder => builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource("Reporting.*")),
            app => app.MapGet("/work", () =>
            {
                using (platformSource.StartActivity("platform-step")) { }
                using (populationsSource.StartActivity("populations-step")) { }
                using (extraSource.StartActivity("reporting-step")) { }
                return "done";
            }));

        var (response, caller) = await service.GetInNewTraceAsync("/work");
        response.EnsureSuccessStatusCode();

        var server = await receiver.WaitForSpanAsync(s => s.TraceId == caller.TraceId && s.Kind == ActivityKind.Server);
        foreach (var name in new[] { "platform-step", "populations-step", "reporting-step" })
        {
            var step = await receiver.WaitForSpanAsync(s => s.TraceId == caller.TraceId && s.Name == name);
            Assert.Equal(server.SpanId, step.ParentSpanId);
        }
    }

    internal static Dictionary<string, string?> Settings(OtlpReceiver receiver, OtlpTransport transport)
    {
        var settings = receiver.ExporterSettings(transport);
        settings["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={ApiKey}";
        settings["OTEL_SERVICE_NAME"] = "orders";
        settings["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=test";
        settings["OTEL_TRACES_SAMPLER"] = "always_on";
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        settings["OTEL_BLRP_SCHEDULE_DELAY"] = "100";
        return settings;
    }

    internal static void MapOrders(WebApplication app) =>
        app.MapGet("/orders/{id}", (int id, ILogger<TelemetryExportTests> logger) =>
        {
            using (logger.BeginScope(new Dictionary<string, object> { ["Municipality"] = "Utrecht" }))
            {
                logger.LogInformation("Order {OrderId} looked up", id);
            }

            return Results.Ok(new { id });
        });
}
