using Platform.Budgets.Data;
using Platform.Budgets.Domain;
using Platform.Hosting.Results;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Budgets.Budgets;

/// <summary>One monthly instalment of an adopted budget, due on the first of its month.</summary>
internal sealed record ScheduledInstalment(int Month, DateOnly DueOn, decimal Paid, decimal HeldBack, decimal Discount);

/// <summary>
/// The payment schedule of a budget's adopted version: payments go only to the contracting party (the main
/// contractor of a consortium), twelve instalments in cents with the holdback kept apart.
/// </summary>
internal sealed record ScheduleView(
    Guid BudgetId, int Version, Guid ContractId, int Year, string Payee, decimal Amount, decimal HoldbackAmount, IReadOnlyList<ScheduledInstalment> Instalments);

internal static class PaymentSchedules
{
    public static async Task<Result<ScheduleView>> OfAsync(Database database, CallerContext caller, Guid id, CancellationToken ct)
    {
        await using var session = await database.BeginAsync(caller, ct);
        if (await BudgetStore.GetAsync(session, id, ct) is not { } budget)
        {
            return Result<ScheduleView>.NotFound();
        }

        if (budget.Adopted is not { } adopted)
        {
            return Result<ScheduleView>.InConflict("The budget has no adopted version yet; nothing is scheduled.");
        }

        var contract = await ReadModelStore.ContractAsync(session, budget.ContractId, ct);
        var instalments = PaymentSchedule.Monthly(adopted.Amount, adopted.HoldbackShare)
            .Select(i => new ScheduledInstalment(i.Month, new DateOnly(budget.Year, i.Month, 1), i.Paid, i.HeldBack, i.Discount))
            .ToArray();
        return Result<ScheduleView>.Done(new ScheduleView(
            id, adopted.Version, budget.ContractId, budget.Year, contract!.ContractingProviderId, adopted.Amount, adopted.HoldbackAmount, instalments));
    }
}
