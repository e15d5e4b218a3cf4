using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Hosting;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Referrals.Data;
using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Domain.Monitoring;
using Platform.Referrals.Domain.Signals;
using Platform.Referrals.Reports;
using Platform.Security;

namespace Platform.Referrals.Api;

/// <summary>
/// The monitoring figures of the caller's municipality: per unit and period, and the funnel plot of one period.
/// Every response has a CSV form (<c>format=csv</c>) with the same rows, for the charts users draw themselves.
/// </summary>
internal static class FiguresApi
{
    private const int MaxPeriods = 60;

    public static RouteGroupBuilder MapFiguresEndpoints(this RouteGroupBuilder api)
    {
        var figures = api.MapGroup("/figures").WithTags("Figures").RequireAuthorization(PlatformPolicies.MunicipalStaff);
        figures.MapGet("/", FiguresAsync).WithName("GetReferralFigures")
            .WithSummary("Referrals, rates per 1,000 inhabitants and per active client, waiting times and PGB outflow per unit and period, with the unit's own baselines.");
        figures.MapGet("/funnel", FunnelAsync).WithName("GetReferralFunnel")
            .WithSummary("One period's units against their peers: counts, expected counts and the 95% and 99.8% Poisson limits.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<FigureRow>>, ContentHttpResult, ValidationProblem>> FiguresAsync(
        string? unit, string? period, DateOnly? from, DateOnly? to, string? destination, string? format,
        CallerContext caller, Database database, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unitKind = ParseUnit(unit, errors);
        var periodKind = ParsePeriod(period, errors);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var window = (From: from ?? new DateOnly(today.Year - 1, today.Month, 1), To: to ?? today);
        if (window.From > window.To)
        {
            errors["from"] = ["Lies after 'to'."];
        }
        else if (ReportingPeriod.Of(window.From, periodKind) is var first && first.Start.AddMonths(MaxPeriods * (int)periodKind) <= window.To)
        {
            errors["to"] = [$"At most {MaxPeriods} periods at once."];
        }

        var destinationType = ParseDestination(destination, errors);
        CheckFormat(format, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = new FiguresQuery(caller.Municipality!, unitKind, periodKind, window.From, window.To, destinationType);
        var rows = await database.InTransactionAsync(caller, s => FiguresReport.BuildAsync(s, query, ct), ct);
        if (format == "csv")
        {
            return TypedResults.Text(FiguresCsv(rows), Csv.ContentType);
        }

        return TypedResults.Ok(rows);
    }

    /// <summary>A unit of the funnel plot: its count against what its peers' rate predicts for its size.</summary>
    public sealed record FunnelPoint(
        string UnitKind, string UnitId, string Period, long Observed, long Population, double? Rate, double PeerRate, double Expected,
        double Lower95, double Upper95, double Lower998, double Upper998, string Position);

    private static async Task<Results<Ok<List<FunnelPoint>>, ContentHttpResult, ValidationProblem>> FunnelAsync(
        string? unit, string? period, DateOnly? date, string? kind, string? format,
        CallerContext caller, Database database, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unitKind = ParseUnit(unit, errors);
        var periodKind = ParsePeriod(period, errors);
        var signalKind = Enum.GetValues<SignalKind>().FirstOrDefault(k => SignalNames.Of(k) == (kind ?? "cost-shifting"));
        if (signalKind == 0)
        {
            errors["kind"] = ["One of cost-shifting, personal-budget-outflow, waiting-time."];
        }

        if (unitKind == FigureUnit.Municipality)
        {
            errors["unit"] = ["A municipality has no peers within itself; use neighbourhood, district, population or provider."];
        }

        CheckFormat(format, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reportingPeriod = ReportingPeriod.Of(date ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime), periodKind);
        var points = await database.InTransactionAsync(caller, async s =>
        {
            var denominators = await MonitoringStore.DenominatorsAsync(s, caller.Municipality!, ct);
            var counts = await MonitoringStore.SignalCountsAsync(s, caller.Municipality!, reportingPeriod.Start, ct);
            return Signals.SignalSeriesBuilder.Build(counts, denominators, reportingPeriod, reportingPeriod)
                .Where(series => series.Kind == signalKind && Matches(series.Unit, unitKind))
                .SelectMany(series => series.Periods.Select(p => Point(series.Unit, p)))
                .ToList();
        }, ct);
        if (format == "csv")
        {
            return TypedResults.Text(Csv.Write(points,
                ("unit_kind", p => p.UnitKind), ("unit_id", p => p.UnitId), ("period", p => p.Period), ("observed", p => p.Observed),
                ("population", p => p.Population), ("rate_per_1000", p => p.Rate), ("peer_rate_per_1000", p => p.PeerRate),
                ("expected", p => p.Expected), ("lower_95", p => p.Lower95), ("upper_95", p => p.Upper95),
                ("lower_99_8", p => p.Lower998), ("upper_99_8", p => p.Upper998), ("position", p => p.Position)), Csv.ContentType);
        }

        return TypedResults.Ok(points);
    }

    private static FunnelPoint Point(MonitoredUnit unit, PeriodFigures figures)
    {
        var limits = figures.ComputeLimits();
        return new FunnelPoint(
            SignalNames.Of(unit.Kind), unit.Id, figures.Period.ToString(), figures.Observed, figures.Population, figures.Rate, figures.PeerRate,
            limits.Expected, limits.Counts95.Lower, limits.Counts95.Upper, limits.Counts998.Lower, limits.Counts998.Upper,
            limits.Classify(figures.Observed).ToString());
    }

    private static bool Matches(MonitoredUnit unit, FigureUnit wanted) => wanted switch
    {
        FigureUnit.Neighbourhood => unit.Kind == UnitKind.Area && unit.Id.StartsWith("BU", StringComparison.Ordinal),
        FigureUnit.District => unit.Kind == UnitKind.Area && unit.Id.StartsWith("WK", StringComparison.Ordinal),
        FigureUnit.Population => unit.Kind == UnitKind.Population,
        FigureUnit.Provider => unit.Kind == UnitKind.Provider,
        _ => false,
    };

    private static string FiguresCsv(IReadOnlyList<FigureRow> rows)
    {
        var destinations = Enum.GetValues<DestinationType>().Where(d => d != DestinationType.Unspecified).Select(d => d.ToString()).ToArray();
        var columns = new List<(string, Func<FigureRow, object?>)>
        {
            ("unit_kind", r => r.UnitKind), ("unit_id", r => r.UnitId), ("unit_name", r => r.UnitName), ("period", r => r.Period),
            ("period_start", r => r.PeriodStart), ("period_end", r => r.PeriodEnd), ("referrals", r => r.Referrals),
            ("inhabitants", r => r.Inhabitants), ("rate_per_1000", r => r.RatePerThousand), ("active_clients", r => r.ActiveClients),
            ("rate_per_active_client", r => r.RatePerActiveClient), ("cost_shifting", r => r.CostShifting),
            ("personal_budget", r => r.PersonalBudget), ("personal_budget_rate_per_1000", r => r.PersonalBudgetRatePerThousand),
            ("started", r => r.Started), ("waiting_median_days", r => r.WaitingMedianDays), ("waiting_p90_days", r => r.WaitingP90Days),
            ("rate_year_earlier", r => r.RateYearEarlier), ("rate_trailing_four_quarters", r => r.RateTrailingFourQuarters),
        };
        columns.AddRange(destinations.Select(d => ($"to_{d}", (Func<FigureRow, object?>)(r => r.ByDestination.GetValueOrDefault(d)))));
        return Csv.Write(rows, [.. columns]);
    }

    internal static FigureUnit ParseUnit(string? unit, Dictionary<string, string[]> errors)
    {
        if (unit is null)
        {
            return FigureUnit.Neighbourhood;
        }

        if (Enum.TryParse<FigureUnit>(unit, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(unit[0]))
        {
            return parsed;
        }

        errors["unit"] = ["One of neighbourhood, district, municipality, population, provider."];
        return FigureUnit.Neighbourhood;
    }

    internal static PeriodKind ParsePeriod(string? period, Dictionary<string, string[]> errors)
    {
        if (period is null)
        {
            return PeriodKind.Month;
        }

        if (Enum.TryParse<PeriodKind>(period, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(period[0]))
        {
            return parsed;
        }

        errors["period"] = ["One of month, quarter, year."];
        return PeriodKind.Month;
    }

    private static DestinationType? ParseDestination(string? destination, Dictionary<string, string[]> errors)
    {
        if (destination is null)
        {
            return null;
        }

        if (Enum.TryParse<DestinationType>(destination, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && parsed != DestinationType.Unspecified && !char.IsDigit(destination[0]))
        {
            return parsed;
        }

        errors["destination"] = [$"One of {string.Join(", ", Enum.GetNames<DestinationType>().Skip(1))}."];
        return null;
    }

    internal static void CheckFormat(string? format, Dictionary<string, string[]> errors)
    {
        if (format is not (null or "json" or "csv"))
        {
            errors["format"] = ["json (the default) or csv."];
        }
    }
}
