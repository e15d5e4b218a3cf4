using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Steering;
using Platform.Hosting.Results;
using Platform.Security;

namespace Platform.Contracts.Api;

/// <summary>The steering talks ("regiegesprekken") of a contract: talks, the next agenda, items by hand, actions.</summary>
internal static class SteeringApi
{
    public static RouteGroupBuilder MapSteeringEndpoints(this RouteGroupBuilder api)
    {
        var steering = api.MapGroup("/contracts/{contractId:guid}").WithTags("Steering talks");
        steering.MapGet("/agenda", AgendaAsync).WithName("GetAgenda")
            .WithSummary("The next talk's agenda: items raised for it and every open action.").RequireAuthorization(ContractsPolicies.Read);
        steering.MapPost("/talks", PlanAsync).WithName("PlanTalk").WithSummary("Plans a steering talk.").RequireAuthorization(ContractsPolicies.Write);
        steering.MapPost("/talks/{talkId:guid}/held", HeldAsync).WithName("MarkTalkHeld")
            .WithSummary("Records that a talk was held; open actions carry over to the next.").RequireAuthorization(ContractsPolicies.Write);
        steering.MapPost("/agenda-items", AddItemAsync).WithName("AddAgendaItem")
            .WithSummary("Puts an item on the next talk's agenda by hand.").RequireAuthorization(ContractsPolicies.Write);
        steering.MapPost("/actions", AddActionAsync).WithName("AddAction")
            .WithSummary("Records an action agreed, with its owner and due date.").RequireAuthorization(ContractsPolicies.Write);
        steering.MapPost("/actions/{actionId:guid}/closing", CloseActionAsync).WithName("CloseAction")
            .WithSummary("Closes an action; it leaves the agenda.").RequireAuthorization(ContractsPolicies.Write);
        return api;
    }

    private static async Task<Results<Ok<Agenda>, NotFound, ValidationProblem, ProblemHttpResult>> AgendaAsync(
        Guid contractId, CallerContext caller, SteeringCommands commands, CancellationToken ct) =>
        (await commands.AgendaAsync(caller, contractId, ct)).ToHttpResult(a => a);

    private static async Task<Results<Ok<SteeringTalk>, NotFound, ValidationProblem, ProblemHttpResult>> PlanAsync(
        Guid contractId, TalkPlan plan, CallerContext caller, SteeringCommands commands, CancellationToken ct) =>
        (await commands.PlanAsync(caller, contractId, plan, ct)).ToHttpResult(t => t);

    private static async Task<Results<Ok<SteeringTalk>, NotFound, ValidationProblem, ProblemHttpResult>> HeldAsync(
        Guid contractId, Guid talkId, CallerContext caller, SteeringCommands commands, CancellationToken ct) =>
        (await commands.MarkHeldAsync(caller, contractId, talkId, ct)).ToHttpResult(t => t);

    private static async Task<Results<Ok<bool>, NotFound, ValidationProblem, ProblemHttpResult>> AddItemAsync(
        Guid contractId, ItemByHand item, CallerContext caller, SteeringCommands commands, CancellationToken ct) =>
        (await commands.AddItemAsync(caller, contractId, item, ct)).ToHttpResult(added => added);

    private static async Task<Results<Ok<Guid>, NotFound, ValidationProblem, ProblemHttpResult>> AddActionAsync(
        Guid contractId, ActionAgreed action, CallerContext caller, SteeringCommands commands, CancellationToken ct) =>
        (await commands.AddActionAsync(caller, contractId, action, ct)).ToHttpResult(id => id);

    private static async Task<Results<Ok<bool>, NotFound, ValidationProblem, ProblemHttpResult>> CloseActionAsync(
        Guid contractId, Guid actionId, CallerContext caller, SteeringCommands commands, CancellationToken ct) =>
        (await commands.CloseActionAsync(caller, contractId, actionId, ct)).ToHttpResult(closed => closed);
}
