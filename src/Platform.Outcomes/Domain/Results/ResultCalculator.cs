using Platform.Outcomes.Domain.Measurements;

namespace Platform.Outcomes.Domain.Results;

/// <summary>
/// Computes an indicator over a period from the measurements of one unit (a contract, or one of its populations),
/// as the definition says. Pure: the measurements are given, nothing is read.
/// </summary>
internal static class ResultCalculator
{
    /// <summary>Relapse counts every client since this start year (Alphen: "vanaf 2015").</summary>
    public static readonly DateOnly RelapseSince = new(2015, 1, 1);

    /// <summary>The indicators the intake's measurements feed; the others have no result yet.</summary>
    public static bool Computes(Definition d) => d.Family is "zrm" or "ladder" or "relapse" or "waiting-time"
        || d.Code is "inflow" or "outflow" || SurveyScales.For(d.Code) is not null;

    /// <summary>Whether a unit's measurements include any that feed the indicator, so a result for it is worth showing.</summary>
    public static bool IsFedBy(Definition d, IEnumerable<object> measurements) => d switch
    {
        { Family: "zrm" } => measurements.OfType<ZrmContent>().Any(),
        { Family: "ladder" } => measurements.OfType<LadderContent>().Any(),
        { Family: "relapse" } or { Code: "inflow" or "outflow" } => measurements.OfType<CaseEventContent>().Any(),
        { Family: "waiting-time" } => measurements.OfType<WaitingTimeContent>().Any(),
        _ => measurements.OfType<SurveyContent>().Any(s => s.Indicator == d.Code),
    };

    public static IndicatorResult? Compute(Definition d, Period period, IReadOnlyCollection<object> measurements)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(measurements);
        return d switch
        {
            { Family: "zrm" } => Progress(d, measurements.OfType<ZrmContent>().Where(z => Counts(z.ScoredBy, z.Date, period)).Select(z => (z.Client, z.Date, z.Scores)),
                (first, last) => d.Reading == "no-domain-declines" ? ZrmReading.NoDomainDeclines(first, last) : ZrmReading.AnyDomainImprovesOrStable(first, last)),
            { Family: "ladder" } => Progress(d, measurements.OfType<LadderContent>().Where(l => Counts(l.ScoredBy, l.Date, period)).Select(l => (l.Client, l.Date, (IReadOnlyList<int>)[l.Rung])),
                (first, last) => last[0] >= first[0]),
            { Family: "relapse" } => Relapse(d, period, measurements.OfType<CaseEventContent>()),
            { Family: "waiting-time" } => Waiting(d, measurements.OfType<WaitingTimeContent>().Where(w => period.Contains(w.StartedOn)).Select(w => w.Days).ToList()),
            { Code: "inflow" or "outflow" } => Count(d, measurements.OfType<CaseEventContent>().Count(e => e.Type == (d.Code == "inflow" ? "started" : "ended") && period.Contains(e.Date))),
            _ when SurveyScales.For(d.Code) is not null => Survey(d, measurements.OfType<SurveyContent>().Where(s => s.Indicator == d.Code && s.PeriodStart >= period.Start && s.PeriodEnd <= period.End)),
            _ => null,
        };
    }

    // Progress is read from the professional's scores; the client's own ("zelfscan") is kept beside them, not mixed in.
    private static bool Counts(string scoredBy, DateOnly date, Period period) => scoredBy == ScoredBy.Professional && period.Contains(date);

    /// <summary>Per client the first and the last measurement of the period; clients with fewer than the definition's minimum do not count.</summary>
    private static IndicatorResult Progress(Definition d, IEnumerable<(string Client, DateOnly Date, IReadOnlyList<int> Scores)> readings, Func<IReadOnlyList<int>, IReadOnlyList<int>, bool> holds)
    {
        var clients = readings.GroupBy(r => r.Client).Where(g => g.Count() >= d.MinimumMeasurements).ToList();
        var held = clients.Count(g =>
        {
            var ordered = g.OrderBy(r => r.Date).ToList();
            return holds(ordered[0].Scores, ordered[^1].Scores);
        });
        return Share(d, held, clients.Count);
    }

    /// <summary>Reopened cases against every client with a case started since the start year, through the period's end.</summary>
    private static IndicatorResult Relapse(Definition d, Period period, IEnumerable<CaseEventContent> events)
    {
        var since = events.Where(e => e.Date >= RelapseSince && e.Date <= period.End).ToList();
        var clients = since.Where(e => e.Type == "started").Select(e => e.Client).Distinct().Count();
        var reopened = since.Where(e => e.Type == "reopened").Select(e => e.Case).Distinct().Count();
        return Share(d, reopened, clients);
    }

    /// <summary>Each case: the longest wait, so "every case within n days" holds exactly when it is at most n. Mean and median as named.</summary>
    private static IndicatorResult Waiting(Definition d, List<int> days)
    {
        if (days.Count < IndicatorResult.MinimumUnits)
        {
            return Insufficient(d, days.Count);
        }

        var sorted = days.Order().ToList();
        decimal value = d.Statistic switch
        {
            "mean" => (decimal)days.Sum() / days.Count,
            "median" => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2m,
            _ => sorted[^1],
        };
        return new IndicatorResult(d.Code, d.Version, d.Statistic, value, d.Statistic == "mean" ? days.Sum() : null, days.Count, IndicatorResult.Computed);
    }

    private static IndicatorResult Survey(Definition d, IEnumerable<SurveyContent> surveys)
    {
        var answers = surveys.SelectMany(s => s.Answers).ToList();
        var answered = answers.Sum(a => a.Count);
        if (!SurveyScales.IsGraded(d.Code))
        {
            return Share(d, answers.Where(a => a.Answer == SurveyScales.Agree).Sum(a => a.Count), answered);
        }

        if (answered < IndicatorResult.MinimumUnits)
        {
            return Insufficient(d, answered);
        }

        var sum = answers.Sum(a => int.Parse(a.Answer, System.Globalization.CultureInfo.InvariantCulture) * a.Count);
        return new IndicatorResult(d.Code, d.Version, "mean", (decimal)sum / answered, sum, answered, IndicatorResult.Computed);
    }

    private static IndicatorResult Count(Definition d, int count) =>
        new(d.Code, d.Version, "count", count, count, null, IndicatorResult.Computed);

    private static IndicatorResult Share(Definition d, int numerator, int denominator)
    {
        if (denominator < IndicatorResult.MinimumUnits)
        {
            return Insufficient(d, denominator) with { Numerator = numerator };
        }

        // Reopened cases are counted against clients, so the share can pass 1; a Wilson interval then means nothing.
        var interval = numerator <= denominator ? WilsonInterval.Of(numerator, denominator) : ((double, double)?)null;
        return new IndicatorResult(d.Code, d.Version, "share", (decimal)numerator / denominator, numerator, denominator, IndicatorResult.Computed,
            interval?.Item1, interval?.Item2);
    }

    private static IndicatorResult Insufficient(Definition d, int denominator) =>
        new(d.Code, d.Version, d.Statistic, null, null, denominator, IndicatorResult.InsufficientData);
}
