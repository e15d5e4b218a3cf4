using System.Text.Json;

namespace Platform.Outcomes.Domain.Measurements;

/// <summary>A validated measurement as it is stored: its kind, the day it counts for, and its content.</summary>
internal sealed record Measurement(string MeasurementId, Guid ContractId, Guid PopulationId, string Kind, DateOnly MeasuredOn, object Content)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The content as stored (jsonb); two submissions are the same measurement when these are equal.</summary>
    public string ContentJson => JsonSerializer.Serialize(Content, Content.GetType(), Json);

    public static object ReadContent(string kind, string json) => kind switch
    {
        MeasurementKinds.Zrm => JsonSerializer.Deserialize<ZrmContent>(json, Json)!,
        MeasurementKinds.Ladder => JsonSerializer.Deserialize<LadderContent>(json, Json)!,
        MeasurementKinds.CaseEvent => JsonSerializer.Deserialize<CaseEventContent>(json, Json)!,
        MeasurementKinds.WaitingTime => JsonSerializer.Deserialize<WaitingTimeContent>(json, Json)!,
        MeasurementKinds.Survey => JsonSerializer.Deserialize<SurveyContent>(json, Json)!,
        MeasurementKinds.Narrative => JsonSerializer.Deserialize<NarrativeContent>(json, Json)!,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a measurement kind."),
    };
}

internal static class MeasurementKinds
{
    public const string Zrm = "zrm";
    public const string Ladder = "ladder";
    public const string CaseEvent = "case-event";
    public const string WaitingTime = "waiting-time";
    public const string Survey = "survey";
    public const string Narrative = "narrative";
}

/// <summary>Who scored a ZRM or ladder measurement: the professional, or the client ("zelfscan").</summary>
internal static class ScoredBy
{
    public const string Professional = "professional";
    public const string Self = "self";
}

/// <summary>The 13 ZRM 2017 domains' scores (1–5), in the domains' order (finances first, justice last).</summary>
internal sealed record ZrmContent(string Client, DateOnly Date, string ScoredBy, IReadOnlyList<int> Scores);

/// <summary>A rung of the participation ladder, 1 (isolated) to 6 (paid work).</summary>
internal sealed record LadderContent(string Client, DateOnly Date, string ScoredBy, int Rung);

/// <summary><see cref="Type"/> is <c>started</c>, <c>ended</c> or <c>reopened</c>.</summary>
internal sealed record CaseEventContent(string Case, string Client, string Type, DateOnly Date);

/// <summary>Calendar days from the request to the start of support.</summary>
internal sealed record WaitingTimeContent(string Case, string Client, DateOnly RequestedOn, DateOnly StartedOn)
{
    public int Days => StartedOn.DayNumber - RequestedOn.DayNumber;
}

/// <summary>A survey's answers counted per answer; the answers are in their scale's order.</summary>
internal sealed record SurveyContent(string Indicator, DateOnly PeriodStart, DateOnly PeriodEnd, int Respondents, IReadOnlyList<AnswerCount> Answers);

internal sealed record AnswerCount(string Answer, int Count);

/// <summary>The provider's account of an indicator over a period ("vertellen").</summary>
internal sealed record NarrativeContent(string Indicator, DateOnly PeriodStart, DateOnly PeriodEnd, string Text);
