using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Hosting;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Referrals.Data;
using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Domain.Monitoring;
using Platform.Security;

namespace Platform.Referrals.Api;

/// <summary>
/// A regional coordinator's view: per municipality of the region and period, referrals by destination and the
/// rate per 1,000 inhabitants, never a neighbourhood, population, provider or single referral.
/// </summary>
internal static class RegionApi
{
    public sealed record RegionFigure(
        string Municipality, string Period, DateOnly PeriodStart, long Referrals, long? Inhabitants, double? RatePerThousand,
        long PersonalBudget, IReadOnlyDictionary<string, long> ByDestination);

    public static RouteGroupBuilder MapRegionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/region/figures", FiguresAsync).WithTags("Region").WithName("GetRegionReferralFigures")
            .WithSummary("The region's referrals per municipality and period; format=csv for a spreadsheet.")
            .RequireAuthorization(ReferralsPolicies.RegionFigures);
        return api;
    }

    private static async Task<Results<Ok<List<RegionFigure>>, ContentHttpResult, ValidationProblem>> FiguresAsync(
        string? period, DateOnly? from, DateOnly? to, string? format, CallerContext caller, Database database, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = FiguresApi.ParsePeriod(period ?? "quarter", errors);
        FiguresApi.CheckFormat(format, errors);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var window = (From: from ?? new DateOnly(today.Year, 1, 1), To: to ?? today);
        if (window.From > window.To || window.To.DayNumber - window.From.DayNumber > 3660)
        {
            errors["to"] = ["After 'from', within ten years."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var figures = await database.InTransactionAsync(caller, async s =>
        {
            var counts = await MonitoringStore.RegionCountsAsync(s, kind, window.From, window.To, ct);
            var rows = new List<RegionFigure>();
            foreach (var municipality in counts.GroupBy(c => c.Municipality).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var denominators = await MonitoringStore.DenominatorsAsync(s, municipality.Key, ct);
                foreach (var inPeriod in municipality.GroupBy(c => c.PeriodStart).OrderBy(g => g.Key))
                {
                    var reportingPeriod = ReportingPeriod.Of(inPeriod.Key, kind);
                    var total = inPeriod.Sum(c => c.Referrals);
                    var inhabitants = denominators.InhabitantsOfArea(municipality.Key, reportingPeriod);
                    rows.Add(new RegionFigure(
                        municipality.Key, reportingPeriod.ToString(), inPeriod.Key, total, inhabitants,
                        inhabitants is { } n ? Rates.PerThousandInhabitants(total, n) : null,
                        inPeriod.Where(c => c.DestinationType == (short)DestinationType.PersonalBudget).Sum(c => c.Referrals),
                        inPeriod.ToDictionary(c => ((DestinationType)c.DestinationType).ToString(), c => c.Referrals)));
                }
            }

            return rows;
        }, ct);
        if (format == "csv")
        {
            return TypedResults.Text(Csv.Write(figures,
                ("municipality", f => f.Municipality), ("period", f => f.Period), ("period_start", f => f.PeriodStart),
                ("referrals", f => f.Referrals), ("inhabitants", f => f.Inhabitants), ("rate_per_1000", f => f.RatePerThousand),
                ("personal_budget", f => f.PersonalBudget)), Csv.ContentType);
        }

        return TypedResults.Ok(figures);
    }
}
