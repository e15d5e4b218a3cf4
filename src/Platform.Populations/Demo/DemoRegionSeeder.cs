using System.Text;
using Platform.Hosting.Results;
using Platform.IntegrationEvents.Populations;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Populations.Definitions;
using Platform.Populations.Domain;
using Platform.Populations.Import;
using Platform.Populations.Resend;
using Platform.Populations.Responsibilities;
using Platform.Security;

namespace Platform.Populations.Demo;

/// <summary>
/// Writes the demo region through the service's own commands, as the realm's demo staff would, so the
/// demo data passes the same validation, row-level security, history and events as anything a user enters.
/// Runs after the migrations (hosted services start in order) and before the service listens.
/// </summary>
internal sealed class DemoRegionSeeder(Database database, CbsImports imports, PopulationCommands populations,
    ResponsibilityCommands responsibilities, Outbox outbox, StateResend resend, ILogger<DemoRegionSeeder> logger) : IHostedService
{
    private const string Subject = "system:demo-region";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = new CallerContext(null, Subject, ["platform-admin"]);
        if (await database.InTransactionAsync(admin, s => RegionStore.ExistsAsync(s, DemoRegion.Region, cancellationToken), cancellationToken))
        {
            // Sent again, so a service added since this run directory was made catches up; consumers apply it once.
            await resend.ResendAsync([.. DemoRegion.Municipalities.Select(m => m.Code)], cancellationToken);
            logger.LogInformation("Demo region {Region} is already there; its state was sent again", DemoRegion.Region);
            return;
        }

        await ImportAreasAsync(admin, cancellationToken);
        var plan = new DemoPopulations(await DistrictsAsync(admin, cancellationToken));
        foreach (var population in plan.All)
        {
            await DefineAsync(population, cancellationToken);
        }

        // Last, so that a seeding cut short is done again at the next start.
        var region = new Region(DemoRegion.Region, "Holland Rijnland", [.. DemoRegion.Municipalities.Select(m => m.Code)]);
        await database.InTransactionAsync(admin, async s =>
        {
            await RegionStore.PutAsync(s, region, cancellationToken);
            await outbox.AddAsync(s, new RegionDefined(region.Code, region.Name, region.Municipalities), cancellationToken);
        }, cancellationToken);
        logger.LogInformation("Demo region {Region} seeded: {Municipalities} municipalities, {Populations} populations",
            DemoRegion.Region, DemoRegion.Municipalities.Length, plan.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ImportAreasAsync(CallerContext admin, CancellationToken ct)
    {
        foreach (var (date, edition) in DemoRegion.ReferenceDates.Select((d, i) => (d, i)))
        {
            foreach (var (code, name, districts, neighbourhoods) in DemoRegion.Municipalities)
            {
                var csv = SyntheticCbsFile.Create(code, name, districts, neighbourhoods, seed: int.Parse(code.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture) * 31 + edition);
                await using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
                var report = await imports.ImportAsync(admin, file, date, $"synthetic {code} {date:yyyy}", ct);
                if (report.Rejected.Count > 0)
                {
                    throw new InvalidOperationException($"The demo CBS file of {code} has rejected rows: {report.Rejected[0].Reason}");
                }
            }
        }
    }

    private async Task<Dictionary<string, List<(string Code, string Name)>>> DistrictsAsync(CallerContext admin, CancellationToken ct)
    {
        var districts = new Dictionary<string, List<(string Code, string Name)>>(StringComparer.Ordinal);
        foreach (var (code, _, _, _) in DemoRegion.Municipalities)
        {
            var areas = await database.InTransactionAsync(admin, s => AreaStore.ListAsync(s, code, "district", ct), ct);
            districts[code] = [.. areas.Select(a => (a.Code, a.Name))];
        }

        return districts;
    }

    private async Task DefineAsync(DemoPopulation demo, CancellationToken ct)
    {
        var staff = new CallerContext(demo.Municipality, Subject, ["policy-advisor", "contract-manager"]);
        var defined = await populations.DefineAsync(staff, demo.Change, ct);
        var id = defined.Value?.Id ?? throw new InvalidOperationException($"Demo population '{demo.Change.Name}' is invalid: {string.Join("; ", defined.Violations!.Select(v => v.Description))}");
        if (demo.Active)
        {
            await populations.ActivateAsync(staff, id, null, ct);
        }

        if (demo.Provider is { } provider)
        {
            await responsibilities.AssignAsync(staff, id, new ResponsibilityChange(provider, demo.Change.ValidFrom, demo.Change.ValidTo), ct);
        }
    }
}
