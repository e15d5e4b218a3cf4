namespace Platform.IntegrationEvents.Budgets;

/// <summary>
/// The held-back part of a contract's budget year was paid out, because an audit record said the agreements were
/// met and a second person released it. Contracts puts the decision on the next steering talk's agenda.
/// </summary>
/// <param name="Municipality">CBS code of the municipality, <c>GMnnnn</c>.</param>
/// <param name="BudgetId">The budget.</param>
/// <param name="ContractId">The contract it funds.</param>
/// <param name="Year">The budget year.</param>
/// <param name="Amount">The amount released, in euros.</param>
/// <param name="AuditRecordId">The audit record the release rests on.</param>
/// <param name="ReleasedOn">The day of the release.</param>
public sealed record HoldbackReleased(
    string Municipality,
    Guid BudgetId,
    Guid ContractId,
    int Year,
    decimal Amount,
    Guid AuditRecordId,
    DateOnly ReleasedOn) : IntegrationEvent, ITenantEvent;
