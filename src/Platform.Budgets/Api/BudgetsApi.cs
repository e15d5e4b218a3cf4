using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Budgets.Budgets;
using Platform.Budgets.Data;
using Platform.Budgets.Reports;
using Platform.Hosting.Results;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Budgets.Api;

/// <summary>Budgets per contract and year of the caller's municipality: propose, adopt (four eyes), schedule and history.</summary>
internal static class BudgetsApi
{
    public static RouteGroupBuilder MapBudgetsEndpoints(this RouteGroupBuilder api)
    {
        var budgets = api.MapGroup("/budgets").WithTags("Budgets").RequireAuthorization(PlatformPolicies.MunicipalStaff);
        budgets.MapGet("/", ListAsync).WithName("ListBudgets").WithSummary("Budgets with every version; filter by contractId and year.");
        budgets.MapGet("/{id:guid}", GetAsync).WithName("GetBudget").WithSummary("A budget with every version, newest first.");
        budgets.MapPost("/", ProposeAsync).WithName("ProposeBudget")
            .WithSummary("Proposes a version of the budget of a contract and year from a scenario, indexed by the contract's clause.")
            .RequireAuthorization(BudgetsPolicies.Prepare);
        budgets.MapPost("/{id:guid}/versions/{version:int}/adoption", AdoptAsync).WithName("AdoptBudget")
            .WithSummary("Adopts a proposed version; only another person than its proposer may. Publishes BudgetAdopted.")
            .RequireAuthorization(BudgetsPolicies.Approve);
        budgets.MapGet("/{id:guid}/schedule", ScheduleAsync).WithName("GetPaymentSchedule")
            .WithSummary("The adopted version's monthly instalments and holdback; format=csv for the financial administration.");
        budgets.MapGet("/{id:guid}/history", HistoryAsync).WithName("GetBudgetHistory")
            .WithSummary("Every change of the budget and its versions: who, when, what.");
        return api;
    }

    private static async Task<Ok<List<BudgetView>>> ListAsync(Guid? contractId, int? year, CallerContext caller, Database database, CancellationToken ct) =>
        TypedResults.Ok(await database.InTransactionAsync(caller, s => BudgetStore.ListAsync(s, null, contractId, year, ct), ct));

    private static async Task<Results<Ok<BudgetView>, NotFound>> GetAsync(Guid id, CallerContext caller, Database database, CancellationToken ct) =>
        await database.InTransactionAsync(caller, s => BudgetStore.GetAsync(s, id, ct), ct) is { } budget ? TypedResults.Ok(budget) : TypedResults.NotFound();

    private static async Task<Results<Ok<BudgetView>, NotFound, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        BudgetProposal proposal, CallerContext caller, BudgetCommands commands, CancellationToken ct) =>
        (await commands.ProposeAsync(caller, proposal, ct)).ToHttpResult(b => b);

    private static async Task<Results<Ok<BudgetView>, NotFound, ValidationProblem, ProblemHttpResult>> AdoptAsync(
        Guid id, int version, BudgetDecision decision, CallerContext caller, BudgetCommands commands, CancellationToken ct) =>
        (await commands.AdoptAsync(caller, id, version, decision, ct)).ToHttpResult(b => b);

    private static async Task<Results<Ok<ScheduleView>, ContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> ScheduleAsync(
        Guid id, string? format, CallerContext caller, Database database, CancellationToken ct)
    {
        if (format is not (null or "json" or "csv"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["json or csv."] });
        }

        var result = await PaymentSchedules.OfAsync(database, caller, id, ct);
        if (format != "csv" || result.Value is not { } schedule)
        {
            return result.ToHttpResult(s => s).Result switch
            {
                Ok<ScheduleView> ok => ok,
                NotFound notFound => notFound,
                ValidationProblem invalid => invalid,
                ProblemHttpResult problem => problem,
                var other => throw new InvalidOperationException($"Unexpected result {other}."),
            };
        }

        return TypedResults.Text(Csv.Write(schedule.Instalments,
            ("budget_id", _ => schedule.BudgetId), ("version", _ => schedule.Version), ("contract_id", _ => schedule.ContractId),
            ("payee", _ => schedule.Payee), ("month", i => i.Month), ("due_on", i => i.DueOn), ("paid", i => i.Paid),
            ("held_back", i => i.HeldBack), ("discount", i => i.Discount)), Csv.ContentType);
    }

    private static async Task<Results<Ok<List<HistoryEntry>>, NotFound>> HistoryAsync(Guid id, CallerContext caller, Database database, CancellationToken ct) =>
        await database.InTransactionAsync(caller, async s => await BudgetStore.GetAsync(s, id, ct) is null ? null : await BudgetStore.HistoryAsync(s, id, ct), ct)
            is { } history
            ? TypedResults.Ok(history)
            : TypedResults.NotFound();
}
