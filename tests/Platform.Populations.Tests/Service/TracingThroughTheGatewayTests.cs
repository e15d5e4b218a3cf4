using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Testing;
using Platform.Testing.Otlp;

namespace Platform.Populations.Tests.Service;

/// <summary>
/// The gateway and the populations service in their own processes, both exporting over OTLP to one
/// receiver, the way the AppHost points every resource at its dashboard.
/// </summary>
public sealed class TracingThroughTheGatewayTests
{
    [Fact]
    public async Task One_trace_runs_from_the_gateway_through_the_service_its_queries_and_the_event_it_publishes()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        await using var receiver = await OtlpReceiver.StartAsync();
        var telemetry = Telemetry(receiver);
        var database = await infrastructure.CreateDatabaseAsync("populations");
        await using var populations = new ServiceProcess("populations", "Platform.Populations", () => new Dictionary<string, string>(telemetry)
        {
            ["ConnectionStrings__populationsdb"] = database,
            ["ConnectionStrings__messaging"] = ServiceProcess.Text(infrastructure.RabbitMqUri),
            ["Identity__Authority"] = ServiceProcess.Text(identity.Issuer),
            ["Populations__SeedDemoRegion"] = "false",
        });
        await populations.StartAsync();
        await using var gateway = GatewayProcess.Prepare();
        await gateway.StartAsync(identity.Issuer, new Dictionary<string, string>(telemetry)
        {
            ["services__populations__http__0"] = ServiceProcess.Text(populations.BaseAddress),
        });

        using var admin = new HttpClient { BaseAddress = gateway.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await new TokenClient(identity.Issuer).PasswordTokenAsync("admin"));
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/populations/regions/traced-regio")
        {
            Content = JsonContent.Create(new { name = "Traced regio", municipalities = new[] { "GM0484" } }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        (await admin.SendAsync(request)).EnsureSuccessStatusCode();

        Task<ReceivedSpan> SpanAsync(Func<ReceivedSpan, bool> predicate) =>
            receiver.WaitForSpanAsync(s => s.TraceId == traceId && predicate(s), TimeSpan.FromSeconds(30));

        var gatewayServer = await SpanAsync(s => s.ServiceName == "gateway" && s.Kind == ActivityKind.Server);

        // Not the gateway's other client calls in the trace, such as fetching the identity provider's keys.
        var forwarded = await SpanAsync(s => s.ServiceName == "gateway" && s.Kind == ActivityKind.Client && s.Name == "PUT");
        var serviceServer = await SpanAsync(s => s.ServiceName == "populations" && s.Kind == ActivityKind.Server);
        var outboxInsert = await SpanAsync(s => s.ServiceName == "populations" && s.ScopeName == "Npgsql"
            && Query(s)?.StartsWith("INSERT INTO platform.outbox_messages", StringComparison.Ordinal) == true);
        var relay = await SpanAsync(s => s.ServiceName == "populations" && s.Name == "outbox relay");
        var published = await SpanAsync(s => s.ServiceName == "populations" && s.ScopeName == "MassTransit" && s.Kind == ActivityKind.Producer);

        Assert.Equal("PUT /api/populations/{**rest}", gatewayServer.Name);
        Assert.Equal(gatewayServer.SpanId, forwarded.ParentSpanId);
        Assert.StartsWith(ServiceProcess.Text(populations.BaseAddress), (string)forwarded.Attribute("url.full")!, StringComparison.Ordinal);
        Assert.Equal(forwarded.SpanId, serviceServer.ParentSpanId);
        Assert.Equal("PUT /api/populations/regions/{code}", serviceServer.Name);
        Assert.Equal(serviceServer.SpanId, outboxInsert.ParentSpanId);
        Assert.Equal("postgresql", outboxInsert.Name);
        Assert.Equal(ActivityKind.Client, outboxInsert.Kind);
        Assert.Equal(relay.SpanId, published.ParentSpanId);
        Assert.Equal("Platform.IntegrationEvents.Populations:RegionDefined send", published.Name);
    }

    private static string? Query(ReceivedSpan span) => (span.Attribute("db.query.text") ?? span.Attribute("db.statement")) as string;

    private static Dictionary<string, string> Telemetry(OtlpReceiver receiver)
    {
        var settings = receiver.ExporterSettings(OtlpTransport.HttpProtobuf).ToDictionary(s => s.Key, s => s.Value!);
        settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
        return settings;
    }
}
