using Platform.Budgets.Data;
using Platform.Budgets.Domain;
using Platform.Hosting.Results;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Budgets.Budgets;

/// <summary>The categories an adopted budget is divided over, at most four, summing to the adopted amount.</summary>
internal sealed record CategoriesRequest(Dictionary<string, decimal>? Categories);

/// <summary>A requested shift from one category to another, and why.</summary>
internal sealed record ShiftRequest(string? From, string? To, decimal Amount, string? Reason);

/// <summary>
/// Category lump sums ("vierkant", Utrecht's supplementary care): set once on an adopted budget, then changed only by
/// shifts, which change nothing until another person than the requester approves them; no category goes below zero.
/// </summary>
internal sealed class CategoryCommands(Database database)
{
    public async Task<Result<CategoriesView>> SetAsync(CallerContext caller, Guid budgetId, CategoriesRequest request, CancellationToken ct)
    {
        var (categories, errors) = CategoryBudget.Create(request.Categories ?? []);
        if (categories is null)
        {
            return Result<CategoriesView>.Invalid(new Dictionary<string, string[]> { ["categories"] = [.. errors] });
        }

        await using var session = await database.BeginAsync(caller, ct);
        if (!await BudgetStore.LockAsync(session, budgetId, ct) || await BudgetStore.GetAsync(session, budgetId, ct) is not { } budget)
        {
            return Result<CategoriesView>.NotFound();
        }

        if (budget.Adopted is not { } adopted)
        {
            return Result<CategoriesView>.InConflict("Categories divide an adopted budget; this one has no adopted version.");
        }

        if (categories.Total != adopted.Amount)
        {
            return Result<CategoriesView>.Invalid(new Dictionary<string, string[]>
            {
                ["categories"] = [$"The categories sum to {categories.Total}; they must sum to the adopted amount {adopted.Amount}."],
            });
        }

        if (await CategoryStore.ForUpdateAsync(session, budgetId, ct) is not null)
        {
            return Result<CategoriesView>.InConflict("The categories are set; they change only by approved shifts.");
        }

        await CategoryStore.InsertAsync(session, budgetId, caller.Municipality!, categories.Amounts, ct);
        var view = await CategoryStore.GetAsync(session, budgetId, ct);
        await session.CommitAsync(ct);
        return Result<CategoriesView>.Done(view!);
    }

    public async Task<Result<CategoriesView>> RequestShiftAsync(CallerContext caller, Guid budgetId, ShiftRequest request, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
        {
            return Result<CategoriesView>.Invalid(new Dictionary<string, string[]> { ["reason"] = ["Why the shift: 1 to 2000 characters."] });
        }

        await using var session = await database.BeginAsync(caller, ct);
        if (await CategoryStore.ForUpdateAsync(session, budgetId, ct) is not { } amounts)
        {
            return Result<CategoriesView>.NotFound();
        }

        var shift = new CategoryShift(request.From ?? string.Empty, request.To ?? string.Empty, request.Amount, caller.Subject);
        var errors = CategoryBudget.Create(amounts).Budget!.Validate(shift);
        if (errors.Count > 0)
        {
            return Result<CategoriesView>.Invalid(new Dictionary<string, string[]> { ["shift"] = [.. errors] });
        }

        await CategoryStore.InsertShiftAsync(session, Guid.CreateVersion7(), budgetId, caller.Municipality!, shift.From, shift.To, shift.Amount, reason, ct);
        var view = await CategoryStore.GetAsync(session, budgetId, ct);
        await session.CommitAsync(ct);
        return Result<CategoriesView>.Done(view!);
    }

    public async Task<Result<CategoriesView>> ApproveShiftAsync(CallerContext caller, Guid budgetId, Guid shiftId, CancellationToken ct)
    {
        await using var session = await database.BeginAsync(caller, ct);
        if (await CategoryStore.ForUpdateAsync(session, budgetId, ct) is not { } amounts
            || (await CategoryStore.GetAsync(session, budgetId, ct))!.Shifts.FirstOrDefault(s => s.Id == shiftId) is not { } requested)
        {
            return Result<CategoriesView>.NotFound();
        }

        if (requested.Status != "requested")
        {
            return Result<CategoriesView>.InConflict($"The shift is {requested.Status}; only a requested shift can be approved.");
        }

        var categories = CategoryBudget.Create(amounts).Budget!;
        var errors = categories.Approve(new CategoryShift(requested.From, requested.To, requested.Amount, requested.RequestedBy), caller.Subject);
        if (errors.Count > 0)
        {
            return Result<CategoriesView>.InConflict(string.Join(" ", errors));
        }

        await CategoryStore.UpdateAsync(session, budgetId, categories.Amounts, ct);
        await CategoryStore.DecideShiftAsync(session, shiftId, "approved", ct);
        var view = await CategoryStore.GetAsync(session, budgetId, ct);
        await session.CommitAsync(ct);
        return Result<CategoriesView>.Done(view!);
    }
}
