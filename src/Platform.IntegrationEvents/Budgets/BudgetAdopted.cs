namespace Platform.IntegrationEvents.Budgets;

/// <summary>
/// A budget version was adopted for a contract and year: the fixed sum the contracting party receives for its
/// populations, with the share held back until results are shown. Referrals relates the outflow to it.
/// </summary>
/// <param name="Municipality">CBS code of the municipality, <c>GMnnnn</c>.</param>
/// <param name="BudgetId">The budget.</param>
/// <param name="ContractId">The contract it funds.</param>
/// <param name="Year">The budget year.</param>
/// <param name="Amount">The year's total in euros, indexation included.</param>
/// <param name="HoldbackAmount">The part held back until settlement, in euros.</param>
/// <param name="Version">The budget's version; a later adoption replaces an earlier one.</param>
/// <param name="PerPopulation">The amount per population id.</param>
public sealed record BudgetAdopted(
    string Municipality,
    Guid BudgetId,
    Guid ContractId,
    int Year,
    decimal Amount,
    decimal HoldbackAmount,
    int Version,
    IReadOnlyDictionary<Guid, decimal> PerPopulation) : IntegrationEvent, ITenantEvent;
