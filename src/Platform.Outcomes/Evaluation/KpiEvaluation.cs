using Platform.IntegrationEvents.Outcomes;
using Platform.Messaging.Outbox;
using Platform.Outcomes.Data;
using Platform.Outcomes.Domain;
using Platform.Outcomes.Domain.Results;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Outcomes.Evaluation;

/// <summary>
/// Evaluates every result agreement of a municipality's active contracts for each of its periods that has ended, with
/// the definition version in force for that period and the agreement's own comparison, on unrounded values. An
/// evaluation is published once; a recomputation publishes it again, with a higher revision, only when it changed.
/// </summary>
internal sealed class KpiEvaluation(Database database, Outbox outbox, TimeProvider clock)
{
    public async Task<List<Data.Evaluation>> RunAsync(string municipality, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var session = await database.BeginAsync(CallerContext.SystemFor(municipality, "kpi-evaluator"), ct);
        await EvaluationStore.LockAsync(session, municipality, ct);
        var definitions = await ResultInputStore.DefinitionsAsync(session, ct);
        var agreements = await ResultInputStore.ActiveAgreementsAsync(session, ct);
        var contracts = (await ResultInputStore.ContractsAsync(session, null, ct)).ToDictionary(c => c.ContractId);
        var measurements = (await MeasurementStore.OfContractsAsync(session, [.. agreements.Select(a => a.ContractId).Distinct()], today, ct))
            .ToLookup(m => m.ContractId, m => m.Content);
        var stored = (await EvaluationStore.AllAsync(session, null, ct)).ToDictionary(e => (e.AgreementId, e.PeriodStart));
        var changed = new List<Data.Evaluation>();
        foreach (var agreement in agreements)
        {
            var contract = contracts[agreement.ContractId];
            var through = contract.EndsOn < today ? contract.EndsOn : today.AddDays(-1);
            var contents = measurements[agreement.ContractId].ToList();
            foreach (var period in Period.EndedBetween(agreement.PeriodKind, contract.StartsOn, through))
            {
                if (Definition.ValidFor(definitions, agreement.Indicator, period) is not { } definition || !ResultCalculator.Computes(definition))
                {
                    continue;
                }

                var result = ResultCalculator.Compute(definition, period, contents)!;
                var evaluation = new Data.Evaluation(agreement.AgreementId, agreement.ContractId, agreement.Indicator, definition.Version,
                    period.Start, period.End, agreement.Comparison, agreement.Norm, result.Value,
                    NormEvaluation.Evaluate(agreement.Comparison, agreement.Norm, result.Value), 1);
                if (stored.GetValueOrDefault((agreement.AgreementId, period.Start)) is { } earlier)
                {
                    if (!evaluation.DiffersFrom(earlier))
                    {
                        continue;
                    }

                    evaluation = evaluation with { Revision = earlier.Revision + 1 };
                }

                await EvaluationStore.SaveAsync(session, municipality, evaluation, ct);
                await outbox.AddAsync(session, new ResultAgreementEvaluated(
                    municipality, evaluation.ContractId, evaluation.AgreementId, evaluation.Indicator, evaluation.DefinitionVersion,
                    evaluation.PeriodStart, evaluation.PeriodEnd, evaluation.Value, evaluation.Norm, evaluation.Outcome, evaluation.Revision), ct);
                changed.Add(evaluation);
            }
        }

        await EvaluationStore.CompletedAsync(session, municipality, ct);
        await session.CommitAsync(ct);
        return changed;
    }
}

/// <summary>
/// Looks every <see cref="OutcomesOptions.EvaluationInterval"/> for municipalities whose evaluations are due and runs
/// them; a period's evaluation therefore follows soon after its end. A failed run stays due for the next round.
/// </summary>
internal sealed class KpiEvaluationService(
    Database database, KpiEvaluation evaluation, Microsoft.Extensions.Options.IOptions<OutcomesOptions> options, ILogger<KpiEvaluationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluationInterval);
        do
        {
            try
            {
                var due = await database.InTransactionAsync(CallerContext.System("kpi-evaluator"), s => EvaluationStore.DueAsync(s, stoppingToken), stoppingToken);
                foreach (var municipality in due)
                {
                    var changed = await evaluation.RunAsync(municipality, stoppingToken);
                    logger.LogInformation("Result agreements of {Municipality}: {Changed} evaluations new or changed", municipality, changed.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Evaluating result agreements failed; it is tried again in the next round");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
