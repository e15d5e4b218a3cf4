using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Amendments;
using Platform.Hosting.Results;
using Platform.Security;

namespace Platform.Contracts.Api;

/// <summary>Amendments ("addenda") of active contracts: proposed by a contract manager, decided by a second person.</summary>
internal static class AmendmentsApi
{
    public static RouteGroupBuilder MapAmendmentsEndpoints(this RouteGroupBuilder api)
    {
        var amendments = api.MapGroup("/contracts/{contractId:guid}/amendments").WithTags("Amendments");
        amendments.MapGet("/", ListAsync).WithName("ListAmendments").WithSummary("The contract's amendments and their decisions.")
            .RequireAuthorization(ContractsPolicies.Read);
        amendments.MapPost("/", ProposeAsync).WithName("ProposeAmendment").WithSummary("Proposes the terms of the contract's next version.")
            .RequireAuthorization(ContractsPolicies.Write);
        amendments.MapPost("/{id:guid}/approval", ApproveAsync).WithName("ApproveAmendment")
            .WithSummary("Approves an amendment (not by its proposer): the contract's next version comes into force.")
            .RequireAuthorization(ContractsPolicies.Decide);
        amendments.MapPost("/{id:guid}/rejection", RejectAsync).WithName("RejectAmendment")
            .WithSummary("Rejects an amendment (not by its proposer).")
            .RequireAuthorization(ContractsPolicies.Decide);
        return api;
    }

    private static async Task<Ok<List<Amendment>>> ListAsync(Guid contractId, CallerContext caller, AmendmentCommands commands, CancellationToken ct) =>
        TypedResults.Ok(await commands.ListAsync(caller, contractId, ct));

    private static async Task<Results<Ok<Amendment>, NotFound, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        Guid contractId, AmendmentProposal proposal, CallerContext caller, AmendmentCommands commands, CancellationToken ct) =>
        (await commands.ProposeAsync(caller, contractId, proposal, ct)).ToHttpResult(a => a);

    private static async Task<Results<Ok<Amendment>, NotFound, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid contractId, Guid id, CallerContext caller, AmendmentCommands commands, CancellationToken ct) =>
        (await commands.ApproveAsync(caller, contractId, id, ct)).ToHttpResult(a => a);

    private static async Task<Results<Ok<Amendment>, NotFound, ValidationProblem, ProblemHttpResult>> RejectAsync(
        Guid contractId, Guid id, CallerContext caller, AmendmentCommands commands, CancellationToken ct) =>
        (await commands.RejectAsync(caller, contractId, id, ct)).ToHttpResult(a => a);
}
