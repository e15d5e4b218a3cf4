using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Steering;
using Platform.Hosting.Results;
using Platform.Security;

namespace Platform.Contracts.Api;

/// <summary>The record of each steering talk: its agenda, the narrative ("tellen én vertellen") and the decisions taken.</summary>
internal static class TalksApi
{
    public static RouteGroupBuilder MapTalksEndpoints(this RouteGroupBuilder api)
    {
        var talks = api.MapGroup("/contracts/{contractId:guid}/talks").WithTags("Steering talks");
        talks.MapGet("/", ListAsync).WithName("ListTalks").WithSummary("The contract's talks, planned and held, by day.")
            .RequireAuthorization(ContractsPolicies.Read);
        talks.MapGet("/{talkId:guid}", GetAsync).WithName("GetTalk")
            .WithSummary("One talk: its agenda items, narrative and decisions, and the actions open now.").RequireAuthorization(ContractsPolicies.Read);
        talks.MapPut("/{talkId:guid}/narrative", TellAsync).WithName("RecordTalkNarrative")
            .WithSummary("Records (or rewrites) a held talk's narrative: the provider's and the municipality's account.")
            .RequireAuthorization(ContractsPolicies.Write);
        talks.MapPost("/{talkId:guid}/decisions", DecideAsync).WithName("RecordTalkDecision")
            .WithSummary("Records a decision taken in a held talk, optionally on one of its agenda items.").RequireAuthorization(ContractsPolicies.Write);
        talks.MapGet("/{talkId:guid}/history", HistoryAsync).WithName("GetTalkHistory")
            .WithSummary("Every write to the talk's narrative and decisions: who, when, before and after.").RequireAuthorization(ContractsPolicies.Read);
        return api;
    }

    private static async Task<Results<Ok<List<SteeringTalk>>, NotFound, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid contractId, CallerContext caller, TalkRecordCommands commands, CancellationToken ct) =>
        (await commands.TalksAsync(caller, contractId, ct)).ToHttpResult(t => t);

    private static async Task<Results<Ok<TalkRecord>, NotFound, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid contractId, Guid talkId, CallerContext caller, TalkRecordCommands commands, CancellationToken ct) =>
        (await commands.TalkAsync(caller, contractId, talkId, ct)).ToHttpResult(t => t);

    private static async Task<Results<Ok<TalkRecord>, NotFound, ValidationProblem, ProblemHttpResult>> TellAsync(
        Guid contractId, Guid talkId, NarrativeTold told, CallerContext caller, TalkRecordCommands commands, CancellationToken ct) =>
        (await commands.TellAsync(caller, contractId, talkId, told, ct)).ToHttpResult(t => t);

    private static async Task<Results<Ok<TalkDecision>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid contractId, Guid talkId, DecisionTaken decision, CallerContext caller, TalkRecordCommands commands, CancellationToken ct) =>
        (await commands.DecideAsync(caller, contractId, talkId, decision, ct)).ToHttpResult(d => d);

    private static async Task<Results<Ok<List<TalkChange>>, NotFound, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        Guid contractId, Guid talkId, CallerContext caller, TalkRecordCommands commands, CancellationToken ct) =>
        (await commands.HistoryAsync(caller, contractId, talkId, ct)).ToHttpResult(h => h);
}
