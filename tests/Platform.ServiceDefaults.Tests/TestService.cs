using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace Platform.ServiceDefaults.Tests;

/// <summary>A real web service with the service defaults, on a free loopback port.</summary>
internal sealed class TestService : IAsyncDisposable
{
    private TestService(WebApplication app, Uri address)
    {
        App = app;
        Address = address;

        // The tests write their own traceparent headers, so the client must not replace them with its own.
        Client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() })
        {
            BaseAddress = address,
        };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public static async Task<TestService> StartAsync(
        IEnumerable<KeyValuePair<string, string?>> settings,
        Action<WebApplicationBuilder>? configureServices = null,
        Action<WebApplication>? mapEndpoints = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(TestService).Assembly.GetName().Name });
        builder.Logging.ClearProviders();

        // Unless a test names a receiver, nothing is exported, whatever the machine's environment says.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.AddServiceDefaults();
        configureServices?.Invoke(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        mapEndpoints?.Invoke(app);
        await app.StartAsync();
        return new TestService(app, new Uri(app.Urls.Single()));
    }

    /// <summary>Sends a GET as part of a new trace started by the "caller", so the test knows the trace id.</summary>
    public async Task<(HttpResponseMessage Response, TraceParent Caller)> GetInNewTraceAsync(string path)
    {
        var caller = TraceParent.New();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", caller.Header);

        // The test runs in the service's process, whose HttpClient instrumentation would otherwise
        // start a trace of its own for this call and send that instead.
        using (SuppressInstrumentationScope.Begin())
        {
            return (await Client.SendAsync(request), caller);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}

internal sealed record TraceParent(string TraceId, string SpanId)
{
    public string Header => $"00-{TraceId}-{SpanId}-01";

    public static TraceParent New() => new(ActivityTraceId.CreateRandom().ToHexString(), ActivitySpanId.CreateRandom().ToHexString());
}
