using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Budgets.Budgets;
using Platform.Budgets.Data;
using Platform.Hosting.Results;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Budgets.Api;

/// <summary>A budget's category lump sums with their shifts, and its year-end settlement.</summary>
internal static class CategoriesAndSettlementsApi
{
    public static RouteGroupBuilder MapCategoriesAndSettlementsEndpoints(this RouteGroupBuilder api)
    {
        var budget = api.MapGroup("/budgets/{id:guid}").WithTags("Categories and settlements").RequireAuthorization(PlatformPolicies.MunicipalStaff);
        budget.MapGet("/categories", GetCategoriesAsync).WithName("GetCategoryBudgets").WithSummary("The categories as they stand, and every shift asked for.");
        budget.MapPut("/categories", SetCategoriesAsync).WithName("SetCategoryBudgets")
            .WithSummary("Divides the adopted budget over at most four care categories, once; later changes are shifts.")
            .RequireAuthorization(BudgetsPolicies.Prepare);
        budget.MapPost("/shifts", RequestShiftAsync).WithName("RequestCategoryShift")
            .WithSummary("Asks to shift an amount between two categories; nothing changes until it is approved.")
            .RequireAuthorization(BudgetsPolicies.Prepare);
        budget.MapPost("/shifts/{shiftId:guid}/approval", ApproveShiftAsync).WithName("ApproveCategoryShift")
            .WithSummary("Approves a shift (another person than the requester); no category goes below zero.")
            .RequireAuthorization(BudgetsPolicies.Approve);
        budget.MapGet("/settlement", GetSettlementAsync).WithName("GetSettlement")
            .WithSummary("The closed settlement, or what it would be if closed now.");
        budget.MapPost("/settlement", CloseSettlementAsync).WithName("CloseSettlement")
            .WithSummary("Closes the year's settlement; it is never changed after.")
            .RequireAuthorization(BudgetsPolicies.Approve);
        return api;
    }

    private static async Task<Results<Ok<CategoriesView>, NotFound>> GetCategoriesAsync(Guid id, CallerContext caller, Database database, CancellationToken ct) =>
        await database.InTransactionAsync(caller, s => CategoryStore.GetAsync(s, id, ct), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<CategoriesView>, NotFound, ValidationProblem, ProblemHttpResult>> SetCategoriesAsync(
        Guid id, CategoriesRequest request, CallerContext caller, CategoryCommands commands, CancellationToken ct) =>
        (await commands.SetAsync(caller, id, request, ct)).ToHttpResult(v => v);

    private static async Task<Results<Ok<CategoriesView>, NotFound, ValidationProblem, ProblemHttpResult>> RequestShiftAsync(
        Guid id, ShiftRequest request, CallerContext caller, CategoryCommands commands, CancellationToken ct) =>
        (await commands.RequestShiftAsync(caller, id, request, ct)).ToHttpResult(v => v);

    private static async Task<Results<Ok<CategoriesView>, NotFound, ValidationProblem, ProblemHttpResult>> ApproveShiftAsync(
        Guid id, Guid shiftId, CallerContext caller, CategoryCommands commands, CancellationToken ct) =>
        (await commands.ApproveShiftAsync(caller, id, shiftId, ct)).ToHttpResult(v => v);

    private static async Task<Results<Ok<SettlementView>, NotFound, ValidationProblem, ProblemHttpResult>> GetSettlementAsync(
        Guid id, CallerContext caller, Settlements settlements, CancellationToken ct) =>
        (await settlements.GetAsync(caller, id, ct)).ToHttpResult(v => v);

    private static async Task<Results<Ok<SettlementView>, NotFound, ValidationProblem, ProblemHttpResult>> CloseSettlementAsync(
        Guid id, CallerContext caller, Settlements settlements, CancellationToken ct) =>
        (await settlements.CloseAsync(caller, id, ct)).ToHttpResult(v => v);
}
