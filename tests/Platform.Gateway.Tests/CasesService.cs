using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Persistence;
using Platform.Persistence.Migrations;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Gateway.Tests;

/// <summary>
/// A real service behind the gateway, built the way the platform's services are: it validates the
/// forwarded token itself, and its tenant rows are guarded by row-level security, not by WHERE clauses.
/// It stands in for "populations" in the gateway's routing table.
/// </summary>
internal sealed class CasesService : IAsyncDisposable
{
    private static readonly Migration Schema = new("cases", 1, "cases", """
        CREATE TABLE cases (
            id           uuid PRIMARY KEY,
            municipality text NOT NULL,
            region       text NOT NULL,
            title        text NOT NULL
        );
        ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
        CREATE POLICY own_municipality ON cases
            USING (municipality = platform.current_municipality())
            WITH CHECK (municipality = platform.current_municipality());

        -- Coordinators see counts of their region, never rows: the function runs as the owner.
        CREATE FUNCTION region_case_counts() RETURNS TABLE (municipality text, cases bigint)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
                SELECT municipality, count(*) FROM cases
                WHERE platform.has_role('region-coordinator') AND region = platform.current_region()
                GROUP BY municipality ORDER BY municipality
            $$;
        """);

    private readonly WebApplication _app;
    private readonly RequestCounter _requests;

    private CasesService(WebApplication app, RequestCounter requests)
    {
        _app = app;
        _requests = requests;
    }

    /// <summary>Requests that reached the service's API, authenticated or not.</summary>
    public int ApiRequests => _requests.Count;

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<CasesService> StartAsync(string databaseConnectionString, Uri issuer)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(CasesService).Assembly.GetName().Name, EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:casesdb"] = databaseConnectionString,
            ["Identity:Authority"] = issuer.ToString(),
        });
        builder.AddServiceDefaults();
        builder.AddPlatformDatabase("casesdb", MigrationSource.FromMigrations("cases", [Schema]));
        builder.AddPlatformAuthentication();
        var requests = new RequestCounter();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                requests.Increment();
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDefaultEndpoints();
        MapCases(app.MapGroup("/api/populations").RequireAuthorization(PlatformPolicies.Staff));
        await app.StartAsync();
        return new CasesService(app, requests);
    }

    private static void MapCases(RouteGroupBuilder api)
    {
        api.MapGet("/whoami", (CallerContext caller) => Results.Ok(caller));

        // What the service sees of the forwarded token itself.
        api.MapGet("/token", (System.Security.Claims.ClaimsPrincipal user) => Results.Ok(new
        {
            subject = user.FindFirst(PlatformClaims.Subject)?.Value,
            issuedAt = long.Parse(user.FindFirst("iat")!.Value, System.Globalization.CultureInfo.InvariantCulture),
        }));

        // What arrived with the request: the trace context it continues, and which headers came along.
        api.MapGet("/trace", (HttpRequest request) => Results.Ok(new
        {
            traceparent = request.Headers["traceparent"].ToString(),
            tracestate = request.Headers["tracestate"].ToString(),
            headers = request.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase).ToArray(),
        }));

        api.MapGet("/cases/{id:guid}", async (Guid id, CallerContext caller, Database database, CancellationToken ct) =>
        {
            var title = await database.InTransactionAsync(caller,
                session => session.ScalarAsync<string>("SELECT title FROM cases WHERE id = $1", ct, id), ct);
            return title is null ? Results.NotFound() : Results.Ok(new { id, title });
        });

        api.MapPost("/cases", async (NewCase request, CallerContext caller, Database database, CancellationToken ct) =>
        {
            var id = Guid.NewGuid();
            await database.InTransactionAsync(caller, session => session.ExecuteAsync(
                "INSERT INTO cases (id, municipality, region, title) VALUES ($1, $2, $3, $4)",
                ct, id, caller.Municipality, "holland-rijnland", request.Title), ct);
            return Results.Created($"/api/populations/cases/{id}", new { id });
        }).RequireAuthorization(policy => policy.RequireRole(PlatformRoles.PolicyAdvisor));

        api.MapGet("/region/case-counts", async (CallerContext caller, Database database, CancellationToken ct) =>
        {
            var counts = await database.InTransactionAsync(caller, async session =>
            {
                await using var command = session.Command("SELECT municipality, cases FROM region_case_counts()");
                await using var reader = await command.ExecuteReaderAsync(ct);
                var found = new Dictionary<string, long>();
                while (await reader.ReadAsync(ct))
                {
                    found[reader.GetString(0)] = reader.GetInt64(1);
                }

                return found;
            }, ct);
            return Results.Ok(counts);
        }).RequireAuthorization(policy => policy.RequireRole(PlatformRoles.RegionCoordinator));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record NewCase(string Title);

    private sealed class RequestCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Increment() => Interlocked.Increment(ref _count);
    }
}
