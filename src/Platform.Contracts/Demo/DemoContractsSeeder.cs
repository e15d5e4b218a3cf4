using Platform.Contracts.Contracts;
using Platform.Contracts.Data;
using Platform.Contracts.Lifecycle;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Contracts.Demo;

/// <summary>
/// Drafts and activates the demo contracts through the same commands a contract manager uses, once the demo
/// region's populations have arrived from the populations service. Runs in the background (the events take a
/// while) and leaves a municipality alone once it has a contract of that name.
/// </summary>
internal sealed class DemoContractsSeeder(
    Database database, ContractCommands commands, ContractLifecycle lifecycle, ILogger<DemoContractsSeeder> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(3);
    private static readonly int Attempts = 200;

    // The populations arrive one event at a time: a municipality's set is taken once two looks in a row saw the same.
    private readonly Dictionary<string, string> _lastSeen = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = DemoContracts.All.ToList();
        for (var attempt = 0; attempt < Attempts && pending.Count > 0; attempt++)
        {
            foreach (var demo in pending.ToList())
            {
                if (await TrySeedAsync(demo, stoppingToken))
                {
                    pending.Remove(demo);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(Poll, stoppingToken);
            }
        }

        foreach (var demo in pending)
        {
            logger.LogWarning(
                "Demo contract '{Name}' not seeded: the populations of {Municipality} did not arrive. If the populations service seeded "
                + "them before this service first ran, start from a fresh run directory (./run.sh down; rm -rf .local/run)",
                demo.Terms.Name, demo.Municipality);
        }
    }

    private async Task<bool> TrySeedAsync(DemoContract demo, CancellationToken ct)
    {
        var manager = new CallerContext(demo.Municipality, "system:demo-contracts", [PlatformRoles.ContractManager]);
        if ((await commands.ListAsync(manager, ct)).Any(c => c.Terms.Name == demo.Terms.Name))
        {
            return true;
        }

        var populations = await database.InTransactionAsync(manager, s => PopulationReadModel.ByNameAsync(s, demo.PopulationNamePattern, ct), ct);
        var seen = string.Join(',', populations.Select(p => $"{p.Id}:{p.Status}"));
        var stable = _lastSeen.GetValueOrDefault(demo.Municipality) == seen;
        _lastSeen[demo.Municipality] = seen;
        if (populations.Count == 0 || populations.Any(p => p.Status != "active") || !stable)
        {
            return false;
        }

        var drafted = await commands.CreateAsync(manager, demo.Terms with { Populations = [.. populations.Select(p => p.Id)] }, ct);
        var activated = drafted.Value is { } draft ? await lifecycle.ActivateAsync(manager, draft.Id, ct) : null;
        if (activated?.Value is null)
        {
            logger.LogWarning("Demo contract '{Name}' refused: {Reason}", demo.Terms.Name,
                activated?.Conflict ?? string.Join("; ", (activated?.Violations ?? drafted.Violations ?? []).Select(v => $"{v.Field}: {v.Description}")));
            return true;
        }

        logger.LogInformation("Demo contract '{Name}' in force for {Count} populations of {Municipality}", demo.Terms.Name, populations.Count, demo.Municipality);
        return true;
    }
}

internal static class DemoContractsRegistration
{
    public const string SettingKey = "Contracts:SeedDemo";

    public static IHostApplicationBuilder AddDemoContracts(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(SettingKey))
        {
            builder.Services.AddHostedService<DemoContractsSeeder>();
        }

        return builder;
    }
}
