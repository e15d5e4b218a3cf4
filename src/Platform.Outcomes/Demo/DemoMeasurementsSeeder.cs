using Platform.Outcomes.Intake;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Outcomes.Demo;

/// <summary>
/// In a demo run, submits Tom in de buurt's measurements through the intake, as Tom's system would, once each of its
/// contracts has arrived from the contracts service; then evaluates, so a fresh run shows results and one missed norm.
/// Resubmitting is harmless (the intake counts duplicates), so a restart changes nothing.
/// </summary>
internal sealed class DemoMeasurementsSeeder(
    Database database, MeasurementIntake intake, Evaluation.KpiEvaluation evaluation, ILogger<DemoMeasurementsSeeder> logger) : BackgroundService
{
    public const string Provider = "tom-in-de-buurt";
    private static readonly CallerContext Tom = new(null, "system:demo-provider", [PlatformRoles.ProviderSystem], Provider);
    private readonly HashSet<Guid> _seeded = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        do
        {
            try
            {
                var contracts = await database.InTransactionAsync(Tom, s => Data.MeasurementStore.ContractsOfAsync(s, Provider, stoppingToken), stoppingToken);
                foreach (var contract in contracts.Values.Where(c => c.PopulationIds.Count > 0 && !_seeded.Contains(c.ContractId)))
                {
                    var result = await intake.SubmitAsync(Tom, DemoMeasurements.For(contract.ContractId, contract.PopulationIds[0], contract.Municipality), 0, stoppingToken);
                    await evaluation.RunAsync(contract.Municipality, stoppingToken);
                    _seeded.Add(contract.ContractId);
                    logger.LogInformation("Demo measurements of {Provider} for contract {Contract}: {Accepted} stored, {Duplicates} already there, {Rejected} refused",
                        Provider, contract.ContractId, result.Accepted, result.Duplicates, result.Rejected.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Seeding the demo measurements failed; it is tried again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
