using Platform.Budgets.Budgets;
using Platform.Budgets.Domain;
using Platform.Budgets.Scenarios;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Budgets.Demo;

/// <summary>
/// Gives each demo contract of "Tom in de buurt" an adopted budget, built as a municipality would: a weighted
/// characteristics scenario over the contract's populations from the demo region's newest characteristics, a budget
/// proposed from it by one person and adopted by another. The contracts arrive from the contracts service whenever it
/// runs, so this looks for new ones for a while; a contract that has a budget is left alone.
/// </summary>
internal sealed class DemoBudgetsSeeder(
    Database database, ScenarioCommands scenarios, BudgetCommands budgets, TimeProvider clock, ILogger<DemoBudgetsSeeder> logger) : BackgroundService
{
    public const string Provider = "tom-in-de-buurt";

    /// <summary>The demo region's municipalities (the realm's demo users).</summary>
    private static readonly string[] Municipalities = ["GM0484", "GM1884", "GM0569"];

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LookFor = TimeSpan.FromMinutes(15);

    // Tom in de buurt's ceiling in Alphen is €7 million a year (funding-rules §1.2); elsewhere the demo assumes one million.
    private static decimal PoolOf(string municipality) => municipality == "GM0484" ? 7_000_000m : 1_000_000m;

    // Inhabitants carry most weight; social assistance and isolation shift money to where support is likelier needed.
    private static readonly Dictionary<string, decimal> Weights = new(StringComparer.Ordinal)
    {
        ["inhabitants"] = 0.6m,
        ["social_assistance_recipients"] = 0.2m,
        ["social_isolation_share"] = 0.2m,
    };

    // VNG's 2025 figures (funding-rules §1.5), read compounded as the service does by default.
    private static readonly IReadOnlyList<IReadOnlyList<IndexComponent>> Vng2025 =
        [[new("ova", 0.9m, 0.0418m, 0.0101m), new("pcc", 0.1m, 0.0182m, 0.005756m)]];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var until = clock.GetUtcNow() + LookFor;
        while (clock.GetUtcNow() < until && !stoppingToken.IsCancellationRequested)
        {
            foreach (var municipality in Municipalities)
            {
                try
                {
                    await SeedAsync(municipality, stoppingToken);
                }
                catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
                {
                    // The migrations are still running.
                }
            }

            await Task.Delay(Poll, clock, stoppingToken);
        }
    }

    private async Task SeedAsync(string municipality, CancellationToken ct)
    {
        var advisor = new CallerContext(municipality, "system:demo-budgets-advisor", [PlatformRoles.PolicyAdvisor]);
        var controller = new CallerContext(municipality, "system:demo-budgets-controller", [PlatformRoles.Controller]);
        var pending = await database.InTransactionAsync(advisor, s => s.QueryAsync(
            """
            SELECT c.id, c.name, c.population_ids, c.starts_on, c.ends_on,
                   (SELECT max(reference_date) FROM area_characteristics a WHERE a.municipality = c.municipality AND a.reference_date <= c.starts_on)
            FROM contracts c
            WHERE c.contracting_provider_id = $1 AND c.status = 'active'
              AND NOT EXISTS (SELECT 1 FROM budgets b WHERE b.contract_id = c.id)
              AND (SELECT count(*) FROM populations p WHERE p.id = ANY(c.population_ids)) = cardinality(c.population_ids)
            """,
            r => (Id: r.GetGuid(0), Name: r.GetString(1), Populations: r.GetFieldValue<Guid[]>(2), Starts: r.GetFieldValue<DateOnly>(3),
                Ends: r.GetFieldValue<DateOnly>(4), ReferenceDate: r.IsDBNull(5) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(5)),
            ct, Provider), ct);

        foreach (var contract in pending.Where(c => c.ReferenceDate is not null && c.Populations.Length > 0))
        {
            var scenario = await ScenarioAsync(advisor, contract.Name, contract.ReferenceDate!.Value, contract.Populations, ct);
            if (scenario is null)
            {
                continue;
            }

            var year = Math.Clamp(clock.GetUtcNow().Year, contract.Starts.Year, contract.Ends.Year);
            var proposed = await budgets.ProposeAsync(advisor, new BudgetProposal(
                contract.Id, year, scenario, null, 0.05m, new IndexationClause(IndexationClause.Compounded, Vng2025),
                $"Demo: {year} budget of {contract.Name}, indexed by the VNG 2025 figures, 5 % held back"), ct);
            if (proposed.Value is not { } budget)
            {
                logger.LogWarning("Demo budget of {Contract} not proposed: {Errors}", contract.Name, string.Join("; ", proposed.Violations?.Select(v => v.Description) ?? []));
                continue;
            }

            await budgets.AdoptAsync(controller, budget.Id, budget.Versions[0].Version, new BudgetDecision("Demo: adopted by the controller"), ct);
            logger.LogInformation("Demo budget of {Contract} for {Year} adopted: {Amount:N2}", contract.Name, year, budget.Versions[0].Amount);
        }
    }

    /// <summary>A weighted scenario; where a characteristic is suppressed in one of the areas, inhabitants alone.</summary>
    private async Task<Guid?> ScenarioAsync(CallerContext advisor, string contract, DateOnly referenceDate, Guid[] populations, CancellationToken ct)
    {
        var pool = PoolOf(advisor.Municipality!);
        var weighted = await scenarios.CreateAsync(advisor, new NewScenario(
            $"Demo: {contract} by characteristics", referenceDate, [.. populations],
            new ScenarioParameters(ScenarioModel.WeightedCharacteristics, pool, Weights), "Demo: inhabitants, social assistance and isolation"), ct);
        if (weighted.Value is { } scenario)
        {
            return scenario.Id;
        }

        logger.LogInformation("Demo scenario of {Contract} blocked ({Errors}); inhabitants alone instead",
            contract, string.Join("; ", weighted.Violations?.Select(v => v.Description).Take(3) ?? []));
        var inhabitants = await scenarios.CreateAsync(advisor, new NewScenario(
            $"Demo: {contract} by inhabitants", referenceDate, [.. populations],
            new ScenarioParameters(ScenarioModel.WeightedCharacteristics, pool, new Dictionary<string, decimal> { ["inhabitants"] = 1m }),
            "Demo: inhabitants alone"), ct);
        return inhabitants.Value?.Id;
    }
}

internal static class DemoBudgetsRegistration
{
    public const string SettingKey = "Budgets:SeedDemo";

    public static IHostApplicationBuilder AddDemoBudgets(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(SettingKey))
        {
            builder.Services.AddHostedService<DemoBudgetsSeeder>();
        }

        return builder;
    }
}
