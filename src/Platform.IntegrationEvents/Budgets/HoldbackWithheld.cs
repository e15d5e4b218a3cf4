namespace Platform.IntegrationEvents.Budgets;

/// <summary>
/// The held-back part of a contract's budget year is not paid, because an audit record said the agreements were
/// not met. Contracts puts the decision, with its reason, on the next steering talk's agenda.
/// </summary>
/// <param name="Municipality">CBS code of the municipality, <c>GMnnnn</c>.</param>
/// <param name="BudgetId">The budget.</param>
/// <param name="ContractId">The contract it funds.</param>
/// <param name="Year">The budget year.</param>
/// <param name="Amount">The amount withheld, in euros.</param>
/// <param name="AuditRecordId">The audit record the decision rests on.</param>
/// <param name="Reason">Why, as the audit record states it.</param>
/// <param name="DecidedOn">The day of the decision.</param>
public sealed record HoldbackWithheld(
    string Municipality,
    Guid BudgetId,
    Guid ContractId,
    int Year,
    decimal Amount,
    Guid AuditRecordId,
    string Reason,
    DateOnly DecidedOn) : IntegrationEvent, ITenantEvent;
