using System.Globalization;
using Platform.Hosting.Results;
using Platform.Outcomes.Domain.Measurements;
using Platform.Security;
using V1 = Platform.Provider.V1;

namespace Platform.Outcomes.Intake;

/// <summary>
/// Checks one submitted measurement field by field under its position's path (<c>measurements[3].zrm.scores[2].score</c>)
/// and reports every violation at once. A value that holds a BSN is named by its field only, never repeated.
/// </summary>
internal sealed class MeasurementValidation(string prefix, DateOnly today, ISet<string> indicatorCodes)
{
    public const int MaxIdentifierLength = 64;
    public const int MaxNarrativeLength = 4000;
    public const int ZrmDomains = 13;
    private static readonly DateOnly Earliest = new(2015, 1, 1);

    private readonly List<FieldViolation> _violations = [];

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public Measurement? Validate(V1.Measurement m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var id = Identifier("measurement_id", m.MeasurementId);
        var contract = Uuid("contract_id", m.ContractId);
        var population = Uuid("population_id", m.PopulationId);
        (string Kind, DateOnly? On, object? Content) item = m.KindCase switch
        {
            V1.Measurement.KindOneofCase.Zrm => Zrm(m.Zrm),
            V1.Measurement.KindOneofCase.Ladder => Ladder(m.Ladder),
            V1.Measurement.KindOneofCase.CaseEvent => CaseEvent(m.CaseEvent),
            V1.Measurement.KindOneofCase.WaitingTime => Waiting(m.WaitingTime),
            V1.Measurement.KindOneofCase.Survey => Survey(m.Survey),
            V1.Measurement.KindOneofCase.Narrative => Narrative(m.Narrative),
            _ => Missing(),
        };
        return _violations.Count == 0
            ? new Measurement(id!, contract!.Value, population!.Value, item.Kind, item.On!.Value, item.Content!)
            : null;
    }

    /// <summary>Whether the measurement id may be repeated back to the caller: not when it holds a BSN.</summary>
    public static string Echo(string measurementId) => Bsn.IsIn(measurementId) ? string.Empty : measurementId;

    private (string, DateOnly?, object?) Missing()
    {
        Add("kind", "One of zrm, ladder, case_event, waiting_time, survey or narrative is required.");
        return (string.Empty, null, null);
    }

    private (string, DateOnly?, object?) Zrm(V1.ZrmScores z)
    {
        var client = Identifier("zrm.client_reference", z.ClientReference);
        var date = Day("zrm.date", z.Date);
        var scoredBy = Scorer("zrm.scored_by", z.ScoredBy);
        var scores = new int[ZrmDomains];
        for (var i = 0; i < z.Scores.Count; i++)
        {
            var (domain, score) = ((int)z.Scores[i].Domain, z.Scores[i].Score);
            if (domain is < 1 or > ZrmDomains)
            {
                Add($"zrm.scores[{i}].domain", "One of the 13 ZRM domains.");
            }
            else if (scores[domain - 1] != 0)
            {
                Add($"zrm.scores[{i}].domain", "This domain was scored earlier in the same measurement.");
            }

            if (score is < 1 or > 5)
            {
                Add($"zrm.scores[{i}].score", "A whole number from 1 to 5.");
            }
            else if (domain is >= 1 and <= ZrmDomains)
            {
                scores[domain - 1] = score;
            }
        }

        if (z.Scores.Count != ZrmDomains)
        {
            Add("zrm.scores", $"All {ZrmDomains} domains are scored, each once; {z.Scores.Count} scores were sent.");
        }

        return (MeasurementKinds.Zrm, date, client is null || date is null || scoredBy is null ? null : new ZrmContent(client, date.Value, scoredBy, scores));
    }

    private (string, DateOnly?, object?) Ladder(V1.LadderRung l)
    {
        var client = Identifier("ladder.client_reference", l.ClientReference);
        var date = Day("ladder.date", l.Date);
        var scoredBy = Scorer("ladder.scored_by", l.ScoredBy);
        Require(l.Rung is >= 1 and <= 6, "ladder.rung", "A rung from 1 (isolated) to 6 (paid work).");
        return (MeasurementKinds.Ladder, date, client is null || date is null || scoredBy is null ? null : new LadderContent(client, date.Value, scoredBy, l.Rung));
    }

    private (string, DateOnly?, object?) CaseEvent(V1.CaseEvent c)
    {
        var @case = Identifier("case_event.case_reference", c.CaseReference);
        var client = Identifier("case_event.client_reference", c.ClientReference);
        var date = Day("case_event.date", c.Date);
        var type = c.Type switch
        {
            V1.CaseEventType.Started => "started",
            V1.CaseEventType.Ended => "ended",
            V1.CaseEventType.Reopened => "reopened",
            _ => null,
        };
        Require(type is not null, "case_event.type", "STARTED, ENDED or REOPENED.");
        return (MeasurementKinds.CaseEvent, date, @case is null || client is null || date is null || type is null ? null : new CaseEventContent(@case, client, type, date.Value));
    }

    private (string, DateOnly?, object?) Waiting(V1.WaitingTime w)
    {
        var @case = Identifier("waiting_time.case_reference", w.CaseReference);
        var client = Identifier("waiting_time.client_reference", w.ClientReference);
        var requested = Day("waiting_time.requested_on", w.RequestedOn);
        var started = Day("waiting_time.started_on", w.StartedOn);
        if (requested is { } r && started is { } s && s < r)
        {
            Add("waiting_time.started_on", "Support cannot start before it was requested.");
        }

        return (MeasurementKinds.WaitingTime, started, @case is null || client is null || requested is null || started is null ? null : new WaitingTimeContent(@case, client, requested.Value, started.Value));
    }

    private (string, DateOnly?, object?) Survey(V1.SurveyResult s)
    {
        var scale = SurveyScales.For(s.IndicatorCode);
        Require(scale is not null, "survey.indicator_code", $"A survey indicator: {string.Join(", ", SurveyScales.Indicators)}.");
        var (start, end) = PeriodOf("survey", s.PeriodStart, s.PeriodEnd);
        var answers = new List<AnswerCount>();
        for (var i = 0; i < s.Answers.Count; i++)
        {
            var answer = s.Answers[i];
            if (scale is not null && !scale.Contains(answer.Answer))
            {
                Add($"survey.answers[{i}].answer", Bsn.IsIn(answer.Answer) ? "Holds a citizen service number (BSN); never send one." : $"One of {string.Join(", ", scale)}.");
            }
            else if (answers.Any(a => a.Answer == answer.Answer))
            {
                Add($"survey.answers[{i}].answer", "This answer was counted earlier in the same result.");
            }

            Require(answer.Count >= 0, $"survey.answers[{i}].count", "Not negative.");
            answers.Add(new AnswerCount(answer.Answer, answer.Count));
        }

        Require(s.Respondents >= 1, "survey.respondents", "At least one respondent.");
        Require(answers.Count > 0, "survey.answers", "At least one answer count.");
        Require(answers.Sum(a => (long)a.Count) <= s.Respondents, "survey.respondents", "At least the sum of the answer counts.");
        var ordered = scale is null ? answers : [.. answers.OrderBy(a => IndexOf(scale, a.Answer))];
        return (MeasurementKinds.Survey, end, scale is null || start is null || end is null ? null : new SurveyContent(s.IndicatorCode, start.Value, end.Value, s.Respondents, ordered));
    }

    private (string, DateOnly?, object?) Narrative(V1.Narrative n)
    {
        Require(indicatorCodes.Contains(n.IndicatorCode), "narrative.indicator_code", "An indicator code of the catalogue.");
        var (start, end) = PeriodOf("narrative", n.PeriodStart, n.PeriodEnd);
        var text = n.Text.Trim();
        if (text.Length is 0 or > MaxNarrativeLength)
        {
            Add("narrative.text", $"1 to {MaxNarrativeLength:N0} characters.");
        }
        else if (Bsn.IsIn(text))
        {
            Add("narrative.text", "Holds a citizen service number (BSN); never send one.");
        }

        return (MeasurementKinds.Narrative, end, start is null || end is null || _violations.Count > 0 ? null : new NarrativeContent(n.IndicatorCode, start.Value, end.Value, text));
    }

    private (DateOnly?, DateOnly?) PeriodOf(string message, string startText, string endText)
    {
        var start = Day($"{message}.period_start", startText);
        var end = Day($"{message}.period_end", endText);
        if (start is { } s && end is { } e && e < s)
        {
            Add($"{message}.period_end", "Not before period_start.");
        }

        return (start, end);
    }

    private string? Identifier(string field, string value)
    {
        if (Bsn.IsIn(value))
        {
            return Fail(field, "Holds a citizen service number (BSN); use the provider's own pseudonym.");
        }

        if (value.Length is 0 or > MaxIdentifierLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            return Fail(field, $"1 to {MaxIdentifierLength} characters of letters, digits, '.', '_' and '-'.");
        }

        return value;
    }

    private Guid? Uuid(string field, string value)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        Add(field, Bsn.IsIn(value) ? "Holds a citizen service number (BSN); never send one." : "A UUID.");
        return null;
    }

    private DateOnly? Day(string field, string value)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Add(field, value.Length == 0 ? "Required, as YYYY-MM-DD." : "Not a date in the form YYYY-MM-DD.");
            return null;
        }

        if (day > today || day < Earliest)
        {
            Add(field, day > today ? "Not in the future." : "Not before 2015-01-01.");
            return null;
        }

        return day;
    }

    private string? Scorer(string field, V1.ScoredBy scoredBy) => scoredBy switch
    {
        V1.ScoredBy.Professional => ScoredBy.Professional,
        V1.ScoredBy.Self => ScoredBy.Self,
        _ => Fail(field, "PROFESSIONAL or SELF."),
    };

    private static int IndexOf(IReadOnlyList<string> scale, string answer)
    {
        for (var i = 0; i < scale.Count; i++)
        {
            if (scale[i] == answer)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private void Require(bool condition, string field, string description)
    {
        if (!condition)
        {
            Add(field, description);
        }
    }

    private string? Fail(string field, string description)
    {
        Add(field, description);
        return null;
    }

    private void Add(string field, string description) => _violations.Add(new FieldViolation($"{prefix}.{field}", description));
}
