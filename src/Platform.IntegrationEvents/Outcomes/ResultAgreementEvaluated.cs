namespace Platform.IntegrationEvents.Outcomes;

/// <summary>
/// A contract's result agreement was evaluated for one period: the result, the definition version it was computed
/// with, and whether the norm was met. Budgets settles bonus and malus on it; a recomputation publishes it again
/// with a higher <see cref="Revision"/>.
/// </summary>
/// <param name="Municipality">CBS code of the municipality, <c>GMnnnn</c>.</param>
/// <param name="ContractId">The contract the agreement belongs to.</param>
/// <param name="AgreementId">The result agreement.</param>
/// <param name="IndicatorCode">The indicator's code in the catalogue.</param>
/// <param name="DefinitionVersion">The indicator definition's version the result was computed with.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="PeriodEnd">Last day of the period.</param>
/// <param name="Value">The result, in the indicator's unit; null when too few measurements counted.</param>
/// <param name="Norm">The agreed norm.</param>
/// <param name="Outcome"><c>met</c>, <c>not-met</c> or <c>insufficient-data</c>.</param>
/// <param name="Revision">1 for the first evaluation of this agreement and period, raised on each recomputation.</param>
public sealed record ResultAgreementEvaluated(
    string Municipality,
    Guid ContractId,
    Guid AgreementId,
    string IndicatorCode,
    int DefinitionVersion,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal? Value,
    decimal Norm,
    string Outcome,
    int Revision) : IntegrationEvent, ITenantEvent;
