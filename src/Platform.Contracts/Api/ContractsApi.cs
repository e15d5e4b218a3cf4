using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Contracts;
using Platform.Contracts.Domain;
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
        var errors = ContractRules.Validate(terms);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var id = await commands.CreateAsync(caller, terms, ct);
        var created = await commands.GetAsync(caller, id, ct);
        return TypedResults.Created($"/api/contracts/contracts/{id}", created);
    }

    private static async Task<Ok<List<ContractView>>> ListAsync(CallerContext caller, ContractCommands commands, CancellationToken ct) =>
        TypedResults.Ok(await commands.ListAsync(caller, ct));

    private static async Task<Results<Ok<ContractView>, NotFound>> GetAsync(Guid id, CallerContext caller, ContractCommands commands, CancellationToken ct) =>
        await commands.GetAsync(caller, id, ct) is { } contract ? TypedResults.Ok(contract) : TypedResults.NotFound();

    private static async Task<Results<Ok<ContractView>, NotFound, ValidationProblem>> ExtendAsync(
        Guid id, CallerContext caller, ContractCommands commands, CancellationToken ct) =>
        await commands.ExtendAsync(caller, id, ct) switch
        {
            null => TypedResults.NotFound(),
            false => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["extensionOptions"] = ["Every extension option has been used; the contract cannot be extended further."],
            }),
            true => TypedResults.Ok((await commands.GetAsync(caller, id, ct))!),
        };

    private static async Task<Results<Ok<List<ContractChange>>, NotFound>> HistoryAsync(
        Guid id, CallerContext caller, ContractCommands commands, CancellationToken ct)
    {
        var history = await commands.HistoryAsync(caller, id, ct);
        return history.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(history);
    }
}
