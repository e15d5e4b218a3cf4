using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Persistence;
using Platform.Persistence.Migrations;
using Platform.Persistence.Sessions;
using Platform.Security;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>
/// A minimal service built the way real ones are: service defaults, its own database, messaging
/// with outbox and inbox, and one endpoint that changes state and publishes in one transaction.
/// </summary>
internal sealed class TestService : IAsyncDisposable
{
    private static readonly Migration Schema = new("test", 1, "things", """
        CREATE TABLE things (name text NOT NULL);
        CREATE TABLE applied (event_id uuid NOT NULL, name text NOT NULL);
        """);

    private readonly WebApplication _app;

    private TestService(WebApplication app, TestScope scope, string ownerConnectionString)
    {
        _app = app;
        Scope = scope;
        OwnerConnectionString = ownerConnectionString;
    }

    public TestScope Scope { get; }

    public string OwnerConnectionString { get; }

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public IServiceProvider Services => _app.Services;

    public static async Task<TestService> StartAsync(
        string scope, string databaseConnectionString, Uri brokerUri, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(TestService).Assembly.GetName().Name, EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:testdb"] = databaseConnectionString,
            ["ConnectionStrings:messaging"] = brokerUri.ToString(),
            ["Messaging:RetryIntervals:0"] = "00:00:00.050",
            ["Messaging:RetryIntervals:1"] = "00:00:00.100",
            ["Messaging:RelayPollInterval"] = "00:00:00.200",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var testScope = new TestScope(scope);
        builder.AddServiceDefaults();
        builder.AddPlatformDatabase("testdb", MigrationSource.FromMigrations("test", [Schema]));
        builder.AddPlatformMessaging(scope, bus => bus.AddConsumer<ThingHappenedConsumer>());
        builder.Services.AddSingleton(testScope);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapPost("/things/{name}", async (string name, bool? fail, Database database, Outbox.Outbox outbox, CancellationToken ct) =>
        {
            await using var session = await database.BeginAsync(CallerContext.System("test"), ct);
            await session.ExecuteAsync("INSERT INTO things (name) VALUES ($1)", ct, name);
            var happened = new ThingHappened(scope, name);
            await outbox.AddAsync(session, happened, ct);
            if (fail == true)
            {
                return Results.Problem("Failed on purpose after writing the event.");
            }

            await session.CommitAsync(ct);
            return Results.Ok(happened.EventId);
        });
        await app.StartAsync();
        var service = new TestService(app, testScope, databaseConnectionString);
        await service.WaitUntilReadyAsync();
        return service;
    }

    /// <summary>
    /// The bus connects in the background; until it has declared its queues and bindings, a
    /// published event has no queue to land in. Real services report this through /health too.
    /// </summary>
    public async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var ready = await Eventually.TrueAsync(async () => (await http.GetAsync("/health")).IsSuccessStatusCode);
        if (!ready)
        {
            throw new InvalidOperationException("The test service did not become ready: " + await http.GetStringAsync("/health"));
        }
    }

    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
