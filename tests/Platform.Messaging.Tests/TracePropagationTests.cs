using System.Diagnostics;
using OpenTelemetry;
using Platform.Testing;
using Platform.Testing.Otlp;

namespace Platform.Messaging.Tests;

public class TracePropagationTests
{
    [Fact]
    public async Task One_trace_spans_the_request_the_outbox_relay_and_the_consumer()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        await using var receiver = await OtlpReceiver.StartAsync();
        var settings = receiver.ExporterSettings(OtlpTransport.HttpProtobuf);
        settings["OTEL_SERVICE_NAME"] = "traced-service";
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        var database = infrastructure.PostgresOwnerConnectionString(infrastructure.NewDatabaseName("traced"));
        await using var service = await TestService.StartAsync("traced", database, infrastructure.RabbitMqUri, settings);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/things/traced");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        // In the service's own process the HttpClient instrumentation would start a trace of its own.
        using (SuppressInstrumentationScope.Begin())
        {
            (await http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var server = await receiver.WaitForSpanAsync(s => s.TraceId == traceId && s.ScopeName == "Microsoft.AspNetCore", TimeSpan.FromSeconds(30));
        var relay = await receiver.WaitForSpanAsync(s => s.TraceId == traceId && s.Name == "outbox relay", TimeSpan.FromSeconds(30));
        var consumer = await receiver.WaitForSpanAsync(
            s => s.TraceId == traceId && s.ScopeName == "MassTransit" && s.Kind == ActivityKind.Consumer, TimeSpan.FromSeconds(30));

        Assert.Equal("traced-service", server.ServiceName);
        Assert.Equal("traced-service", consumer.ServiceName);
        Assert.NotEqual(server.SpanId, relay.SpanId);
    }
}
