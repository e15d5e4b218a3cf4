using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Platform.Testing.Otlp;

namespace Platform.ServiceDefaults.Tests;

public sealed class ExporterIsolationTests
{
    [Fact]
    public async Task Exporters_do_not_send_through_the_apps_http_client_pipeline()
    {
        var clientNames = new ConcurrentBag<string>();
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var service = await TestService.StartAsync(
            TelemetryExportTests.Settings(receiver, OtlpTransport.HttpProtobuf),
            builder => builder.Services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new RecordingFilter(clientNames)),
            TelemetryExportTests.MapOrders);

        var (response, caller) = await service.GetInNewTraceAsync("/orders/5");
        response.EnsureSuccessStatusCode();
        await receiver.WaitForLogAsync(l => l.TraceId == caller.TraceId);
        await receiver.WaitForSpanAsync(s => s.TraceId == caller.TraceId);

        // Otherwise every export would get the platform's retries and circuit breaker.
        Assert.Empty(clientNames);

        // Nor does receiving an export become a span that is exported again.
        Assert.DoesNotContain(receiver.Spans, s => s.Attribute("url.path") is "/v1/traces" or "/v1/logs" or "/v1/metrics");
    }

    private sealed class RecordingFilter(ConcurrentBag<string> names) : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            names.Add(builder.Name ?? "");
            next(builder);
        };
    }
}
