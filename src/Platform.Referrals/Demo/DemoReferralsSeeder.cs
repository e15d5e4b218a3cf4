using Microsoft.Extensions.Options;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Referrals.Data;
using Platform.Referrals.Domain;
using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Domain.Monitoring;
using Platform.Referrals.Intake;
using Platform.Security;

namespace Platform.Referrals.Demo;

/// <summary>
/// Seeds a year of demo referrals through the intake, as the demo providers' systems would send them, once the
/// demo region's populations, responsibilities and CBS figures have arrived from the populations service. Runs in
/// the background (the events take a while) and only when no demo provider has referrals yet.
/// </summary>
internal sealed class DemoReferralsSeeder(
    Database database, ReferralIntake intake, TimeProvider clock, ILogger<DemoReferralsSeeder> logger) : BackgroundService
{
    /// <summary>The demo realm's provider systems (their tokens' <c>provider_id</c>).</summary>
    public static readonly string[] Providers = ["tom-in-de-buurt", "rijnland-jeugd", "nieuwkoop-samen"];

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var catchments = await WaitForCatchmentsAsync(stoppingToken);
        if (catchments is null)
        {
            // The usual cause: the populations service published the demo region before this service's queues
            // existed (a run directory from before), and events reach only queues that exist.
            logger.LogWarning(
                "Demo referrals not seeded: the demo region's populations did not arrive within {Minutes} minutes. "
                + "If the populations service seeded them before this service first ran, start from a fresh run directory (./run.sh down; rm -rf .local/run)",
                GiveUpAfter.TotalMinutes);
            return;
        }

        if (await AnyReferralsAsync(stoppingToken))
        {
            logger.LogInformation("Demo referrals are already there");
            return;
        }

        var largest = catchments.OrderByDescending(c => c.Inhabitants).ThenBy(c => c.Neighbourhood, StringComparer.Ordinal);
        var demo = new DemoReferrals(
            catchments,
            largest.First(c => c.Neighbourhood.StartsWith("BU0484", StringComparison.Ordinal) && !c.Youth).Neighbourhood,
            largest.First(c => c.Neighbourhood.StartsWith("BU0569", StringComparison.Ordinal)).Neighbourhood);
        var referrals = demo.Generate(clock.Today()).ToList();
        foreach (var byProvider in referrals.GroupBy(r => r.ProviderId))
        {
            var caller = ProviderCaller(byProvider.Key);
            foreach (var batch in byProvider.Chunk(1000))
            {
                var result = await intake.SubmitAsync(caller, [.. batch.Select(r => r.Submission)], 0, stoppingToken);
                if (result.Rejected.Count > 0)
                {
                    logger.LogWarning("Demo referrals of {Provider}: {Count} refused, first: {Violation}",
                        byProvider.Key, result.Rejected.Count, result.Rejected[0].Violations[0].Description);
                }
            }

            foreach (var update in byProvider.SelectMany(r => r.Updates))
            {
                await intake.UpdateStatusAsync(caller, update, stoppingToken);
            }
        }

        logger.LogInformation(
            "Demo referrals seeded: {Count} over {Neighbourhoods} neighbourhoods; specialist care drifts in {Drift}, PGB outflow jumps in {Pgb}",
            referrals.Count, catchments.Count, demo.DriftingNeighbourhood, demo.PersonalBudgetNeighbourhood);
    }

    /// <summary>The catchments once every demo provider has some and they stopped changing between two looks.</summary>
    private async Task<IReadOnlyList<DemoCatchment>?> WaitForCatchmentsAsync(CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + GiveUpAfter;
        var previous = -1;
        while (clock.GetUtcNow() < deadline)
        {
            try
            {
                var catchments = await CatchmentsAsync(ct);
                var complete = Providers.All(p => catchments.Any(c => c.ProviderId == p));
                if (complete && catchments.Count == previous)
                {
                    return catchments;
                }

                previous = complete ? catchments.Count : -1;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
            {
                // The migrations are still running.
            }

            await Task.Delay(Poll, clock, ct);
        }

        return null;
    }

    private async Task<List<DemoCatchment>> CatchmentsAsync(CancellationToken ct)
    {
        var catchments = new List<DemoCatchment>();
        var today = ReportingPeriod.Of(clock.Today(), PeriodKind.Month);
        foreach (var provider in Providers)
        {
            var scope = await database.InTransactionAsync(ProviderCaller(provider), s => ReferralStore.ScopeAsync(s, ct), ct);
            foreach (var population in scope.Populations.Where(p => p.Status == "active").DistinctBy(p => p.PopulationId))
            {
                var figures = await database.InTransactionAsync(
                    CallerContext.SystemFor(population.Municipality, "demo-referrals"),
                    s => MonitoringStore.DenominatorsAsync(s, population.Municipality, ct), ct);
                var bands = Enum.GetValues<AgeBand>()
                    .Where(b => b != AgeBand.Unspecified && b.From() <= (population.AgeTo ?? 120) && (b.To() ?? 120) >= population.AgeFrom)
                    .ToList();
                foreach (var neighbourhood in figures.Neighbourhoods.Where(n => population.Areas.Any(a => Covers(a, n))))
                {
                    var single = new Denominators(
                        figures.FiguresOf(neighbourhood), [new PopulationExtent(population.PopulationId, population.Name, [neighbourhood], population.AgeFrom, population.AgeTo)], []);
                    if (single.InhabitantsOfPopulation(population.PopulationId, today) is { } inhabitants
                        && !catchments.Any(c => c.ProviderId == provider && c.Neighbourhood == neighbourhood))
                    {
                        catchments.Add(new DemoCatchment(provider, neighbourhood, inhabitants, bands, population.AgeTo is <= 17));
                    }
                }
            }
        }

        return catchments;
    }

    private async Task<bool> AnyReferralsAsync(CancellationToken ct)
    {
        foreach (var provider in Providers)
        {
            if (await database.InTransactionAsync(ProviderCaller(provider), s => s.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM referrals)", ct), ct))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covers(string area, string neighbourhood) =>
        neighbourhood.StartsWith(string.Concat("BU", area.AsSpan(2)), StringComparison.Ordinal);

    private static CallerContext ProviderCaller(string provider) =>
        new(null, "system:demo-referrals", ["provider-system"], ProviderId: provider);
}

internal static class DemoReferralsRegistration
{
    public const string SettingKey = "Referrals:SeedDemoReferrals";

    public static IHostApplicationBuilder AddDemoReferrals(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(SettingKey))
        {
            builder.Services.AddHostedService<DemoReferralsSeeder>();
        }

        return builder;
    }
}
