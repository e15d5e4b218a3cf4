using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Hosting;
using Platform.IntegrationEvents.Referrals;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Referrals.Data;
using Platform.Referrals.Signals;
using Platform.Security;

namespace Platform.Referrals.Api;

/// <summary>The signals of the caller's municipality: list, read, acknowledge with a comment, and their history.</summary>
internal static class SignalsApi
{
    public const int MaxCommentLength = 2000;

    public sealed record Acknowledgement(string? Comment, int? ExpectedVersion);

    public static RouteGroupBuilder MapSignalsEndpoints(this RouteGroupBuilder api)
    {
        var signals = api.MapGroup("/signals").WithTags("Signals").RequireAuthorization(PlatformPolicies.MunicipalStaff);
        signals.MapGet("/", ListAsync).WithName("ListReferralSignals")
            .WithSummary("Signals, newest first; filter by state (open, acknowledged, closed) and kind; format=csv for a spreadsheet.");
        signals.MapGet("/{id:guid}", GetAsync).WithName("GetReferralSignal").WithSummary("One signal with the figures that raised it.");
        signals.MapGet("/{id:guid}/history", HistoryAsync).WithName("GetReferralSignalHistory")
            .WithSummary("Raised, acknowledged and closed, with who and when.");
        signals.MapPost("/{id:guid}/acknowledgement", AcknowledgeAsync).WithName("AcknowledgeReferralSignal")
            .WithSummary("Takes note of a signal with a comment; expectedVersion guards against acknowledging a changed signal.")
            .RequireAuthorization(ReferralsPolicies.AcknowledgeSignals);
        signals.MapPost("/detection", DetectAsync).WithName("DetectReferralSignals")
            .WithSummary("Computes the municipality's signals now instead of at the detector's next round.")
            .RequireAuthorization(ReferralsPolicies.AcknowledgeSignals);
        return api;
    }

    private static async Task<Results<Ok<List<StoredSignal>>, ContentHttpResult, ValidationProblem>> ListAsync(
        string? state, string? kind, string? format, CallerContext caller, Database database, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (state is not (null or "open" or "acknowledged" or "closed"))
        {
            errors["state"] = ["One of open, acknowledged, closed."];
        }

        if (kind is not (null or "cost-shifting" or "personal-budget-outflow" or "waiting-time"))
        {
            errors["kind"] = ["One of cost-shifting, personal-budget-outflow, waiting-time."];
        }

        FiguresApi.CheckFormat(format, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var signals = await database.InTransactionAsync(caller, s => SignalStore.ListAsync(s, state, kind, ct), ct);
        if (format == "csv")
        {
            return TypedResults.Text(Csv.Write(signals,
                ("id", s => s.Id), ("unit_kind", s => s.UnitKind), ("unit_id", s => s.UnitId), ("unit_name", s => s.UnitName),
                ("kind", s => s.Kind), ("period_kind", s => s.PeriodKind), ("breach_start", s => s.BreachStart), ("reason", s => s.Reason),
                ("trigger_period", s => s.TriggerPeriod), ("state", s => s.State), ("closed_in", s => s.ClosedIn), ("raised_at", s => s.RaisedAt),
                ("acknowledged_at", s => s.AcknowledgedAt), ("acknowledged_by", s => s.AcknowledgedBy), ("comment", s => s.Comment)), Csv.ContentType);
        }

        return TypedResults.Ok(signals);
    }

    private static async Task<Results<Ok<StoredSignal>, NotFound>> GetAsync(Guid id, CallerContext caller, Database database, CancellationToken ct) =>
        await database.InTransactionAsync(caller, s => SignalStore.GetAsync(s, id, ct), ct) is { } signal
            ? TypedResults.Ok(signal)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<List<SignalHistoryEntry>>, NotFound>> HistoryAsync(
        Guid id, CallerContext caller, Database database, CancellationToken ct) =>
        await database.InTransactionAsync(caller, async s => await SignalStore.GetAsync(s, id, ct) is null ? null : await SignalStore.HistoryAsync(s, id, ct), ct)
            is { } history
            ? TypedResults.Ok(history)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<StoredSignal>, NotFound, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        Guid id, Acknowledgement acknowledgement, CallerContext caller, Database database, Outbox outbox, CancellationToken ct)
    {
        var comment = acknowledgement.Comment?.Trim();
        if (string.IsNullOrEmpty(comment) || comment.Length > MaxCommentLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["comment"] = [$"A comment of 1 to {MaxCommentLength} characters: what was done or agreed."],
            });
        }

        await using var session = await database.BeginAsync(caller, ct);
        if (await SignalStore.GetAsync(session, id, ct) is not { } current)
        {
            return TypedResults.NotFound();
        }

        var expected = acknowledgement.ExpectedVersion ?? current.Version;
        if (await SignalStore.AcknowledgeAsync(session, id, comment, expected, ct) is not { } updated)
        {
            return TypedResults.Problem(
                $"The signal is at version {current.Version}, not {expected}; read it again.", statusCode: StatusCodes.Status409Conflict,
                title: "Conflict with the current state");
        }

        await outbox.AddAsync(session, new ReferralSignalAcknowledged(updated.Municipality, id, caller.Subject, comment), ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(updated);
    }

    private static async Task<Ok<DetectionRun>> DetectAsync(CallerContext caller, SignalDetection detection, CancellationToken ct) =>
        TypedResults.Ok(await detection.RunAsync(caller.Municipality!, ct));
}
