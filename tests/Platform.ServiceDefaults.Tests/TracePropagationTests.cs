using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing.Otlp;

namespace Platform.ServiceDefaults.Tests;

public sealed class TracePropagationTests
{
    [Fact]
    public async Task A_call_to_another_service_continues_the_trace_across_both()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var inventorySettings = TelemetryExportTests.Settings(receiver, OtlpTransport.HttpProtobuf);
        inventorySettings["OTEL_SERVICE_NAME"] = "inventory";
        await using var inventory = await TestService.StartAsync(inventorySettings, mapEndpoints: app => app.MapGet("/stock/{sku}", (string sku) => 3));

        var ordersSettings = TelemetryExportTests.Settings(receiver, OtlpTransport.HttpProtobuf);
        ordersSettings["services:inventory:http:0"] = inventory.Address.ToString();
        await using var orders = await TestService.StartAsync(
            ordersSettings,
            builder => builder.Services.AddHttpClient("inventory", client => client.BaseAddress = new Uri("http://inventory")),
            app => app.MapGet("/orders/{id}/stock", async (int id, IHttpClientFactory clients) =>
                await clients.CreateClient("inventory").GetStringAsync($"/stock/sku-{id}")));

        var (response, caller) = await orders.GetInNewTraceAsync("/orders/4/stock");
        response.EnsureSuccessStatusCode();

        var ordersServer = await receiver.WaitForSpanAsync(s => s.TraceId == caller.TraceId && s.Kind == ActivityKind.Server && s.ServiceName == "orders" && s.Name == "GET /orders/{id}/stock");
        var client = await receiver.WaitForSpanAsync(s => s.TraceId == caller.TraceId && s.Kind == ActivityKind.Client && s.ServiceName == "orders" && s.ParentSpanId == ordersServer.SpanId);
        var inventoryServer = await receiver.WaitForSpanAsync(s => s.TraceId == caller.TraceId && s.Kind == ActivityKind.Server && s.ServiceName == "inventory" && s.Name == "GET /stock/{sku}");

        Assert.Equal(caller.SpanId, ordersServer.ParentSpanId);
        Assert.Equal(client.SpanId, inventoryServer.ParentSpanId);
        Assert.Equal(new Uri(inventory.Address, "/stock/sku-4").ToString(), client.Attribute("url.full"));
    }

    [Fact]
    public void Default_propagator_writes_w3c_trace_context_and_baggage()
    {
        using var activity = new Activity("outgoing").SetIdFormat(ActivityIdFormat.W3C).AddBaggage("tenant", "utrecht").Start();
        var headers = new Dictionary<string, string>();

        DistributedContextPropagator.Current.Inject(activity, headers, (carrier, name, value) => ((Dictionary<string, string>)carrier!)[name] = value);

        // The flags depend on whether a listener in this process sampled the activity.
        Assert.StartsWith($"00-{activity.TraceId}-{activity.SpanId}-0", headers["traceparent"], StringComparison.Ordinal);
        // The W3C baggage format allows spaces around '='; .NET writes them.
        Assert.Equal("tenant=utrecht", headers["baggage"].Replace(" ", "", StringComparison.Ordinal));
        Assert.False(headers.ContainsKey("Request-Id"));
        Assert.False(headers.ContainsKey("Correlation-Context"));
    }
}
