using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Contracts;
using Platform.Contracts.Domain;
using Platform.Contracts.Lifecycle;
using Platform.Hosting.Results;
using Platform.Security;

namespace Platform.Contracts.Api;

/// <summary>Staff's contracts: contract managers write, advisors, controllers and auditors read, each their own municipality's.</summary>
internal static class ContractsApi
{
    public static RouteGroupBuilder MapContractsEndpoints(this RouteGroupBuilder api)
    {
        var contracts = api.MapGroup("/contracts").WithTags("Contracts");
        contracts.MapPost("/", CreateAsync).WithName("CreateContract").WithSummary("Drafts a contract.")
            .RequireAuthorization(ContractsPolicies.Write);
        contracts.MapGet("/", ListAsync).WithName("ListContracts").WithSummary("The municipality's contracts.")
            .RequireAuthorization(ContractsPolicies.Read);
        contracts.MapGet("/{id:guid}", GetAsync).WithName("GetContract").WithSummary("One contract, with its notice deadline.")
            .RequireAuthorization(ContractsPolicies.Read);
        contracts.MapPut("/{id:guid}", ChangeDraftAsync).WithName("ChangeDraftContract")
            .WithSummary("Replaces a draft's terms; an active contract changes by amendment only.")
            .RequireAuthorization(ContractsPolicies.Write);
        contracts.MapPost("/{id:guid}/activation", ActivateAsync).WithName("ActivateContract")
            .WithSummary("Brings a draft into force; refused when another contract answers for one of its populations on the same days.")
            .RequireAuthorization(ContractsPolicies.Write);
        contracts.MapPost("/{id:guid}/ending", EndAsync).WithName("EndContract")
            .WithSummary("Ends an active contract: its term expired, or it is terminated early.")
            .RequireAuthorization(ContractsPolicies.Write);
        contracts.MapPost("/{id:guid}/extensions", ExtendAsync).WithName("ExtendContract")
            .WithSummary("Uses one extension option; refused when none is left.")
            .RequireAuthorization(ContractsPolicies.Write);
        contracts.MapGet("/{id:guid}/history", HistoryAsync).WithName("GetContractHistory")
            .WithSummary("Every change: who, when, before and after.")
            .RequireAuthorization(ContractsPolicies.Read);
        return api;
    }

    private static async Task<Results<Created<ContractView>, ValidationProblem>> CreateAsync(
        ContractTerms terms, CallerContext caller, ContractCommands commands, CancellationToken ct)
    {
        var result = await commands.CreateAsync(caller, terms, ct);
        return result.Violations is { } violations
            ? violations.ToValidationProblem()
            : TypedResults.Created($"/api/contracts/contracts/{result.Value!.Id}", ContractView.Of(result.Value));
    }

    private static async Task<Ok<List<ContractView>>> ListAsync(CallerContext caller, ContractCommands commands, CancellationToken ct) =>
        TypedResults.Ok((await commands.ListAsync(caller, ct)).Select(ContractView.Of).ToList());

    private static async Task<Results<Ok<ContractView>, NotFound>> GetAsync(Guid id, CallerContext caller, ContractCommands commands, CancellationToken ct) =>
        await commands.GetAsync(caller, id, ct) is { } contract ? TypedResults.Ok(ContractView.Of(contract)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ContractView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeDraftAsync(
        Guid id, ContractTerms terms, CallerContext caller, ContractCommands commands, CancellationToken ct) =>
        (await commands.ChangeDraftAsync(caller, id, terms, ct)).ToHttpResult(ContractView.Of);

    private static async Task<Results<Ok<ContractView>, NotFound, ValidationProblem, ProblemHttpResult>> ActivateAsync(
        Guid id, CallerContext caller, ContractLifecycle lifecycle, CancellationToken ct) =>
        (await lifecycle.ActivateAsync(caller, id, ct)).ToHttpResult(ContractView.Of);

    private static async Task<Results<Ok<ContractView>, NotFound, ValidationProblem, ProblemHttpResult>> EndAsync(
        Guid id, ContractEnding ending, CallerContext caller, ContractLifecycle lifecycle, CancellationToken ct) =>
        (await lifecycle.EndAsync(caller, id, ending, ct)).ToHttpResult(ContractView.Of);

    private static async Task<Results<Ok<ContractView>, NotFound, ValidationProblem, ProblemHttpResult>> ExtendAsync(
        Guid id, CallerContext caller, ContractCommands commands, CancellationToken ct) =>
        (await commands.ExtendAsync(caller, id, ct)).ToHttpResult(ContractView.Of);

    private static async Task<Results<Ok<List<ContractChange>>, NotFound>> HistoryAsync(
        Guid id, CallerContext caller, ContractCommands commands, CancellationToken ct)
    {
        var history = await commands.HistoryAsync(caller, id, ct);
        return history.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(history);
    }
}
