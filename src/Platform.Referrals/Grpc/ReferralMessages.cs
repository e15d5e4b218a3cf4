using System.Globalization;
using Platform.Hosting.Results;
using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Intake;
using V1 = Platform.Provider.V1;

namespace Platform.Referrals.Grpc;

/// <summary>
/// Between the wire and the domain. The proto enums carry the domain's numbers (COD327 and JZ588 codes
/// included), so a value is passed through as is and the domain's validation refuses one it does not know.
/// </summary>
internal static class ReferralMessages
{
    public static ReferralSubmission ToDomain(V1.ReferralSubmission m) => new(
        m.ReferralId, m.ClientReference, m.NeighbourhoodCode, (AgeBand)(int)m.AgeBand, ParseDate(m.ReferralDate), m.ReferringTeam,
        (ReferrerType)(int)m.ReferrerType, (DestinationType)(int)m.DestinationType, (LifeDomain)(int)m.LifeDomain, (Urgency)(int)m.Urgency);

    public static StatusUpdateSubmission ToDomain(V1.UpdateReferralStatusRequest m) =>
        new(m.ReferralId, (ReferralStatus)(int)m.Status, ParseDate(m.Date), (EndReason)(int)m.EndReason);

    /// <summary>
    /// The domain sees an unreadable date as a missing one; the caller deserves to hear which it was, so the
    /// "required" violation of a date that was sent but unreadable is said again as such.
    /// </summary>
    public static IReadOnlyList<FieldViolation> ExplainDates(IReadOnlyList<FieldViolation> violations, string field, string sent) =>
        sent.Length == 0 || ParseDate(sent) is not null
            ? violations
            : [.. violations.Select(v => v.Field.EndsWith(field, StringComparison.Ordinal)
                ? v with { Description = $"'{Shorten(sent)}' is not a date in the form YYYY-MM-DD." }
                : v)];

    public static V1.SubmitReferralsResponse ToResponse(IntakeResult result, Func<int, string> referralIdAt)
    {
        var response = new V1.SubmitReferralsResponse { Accepted = result.Accepted, Duplicates = result.Duplicates };
        foreach (var rejected in result.Rejected)
        {
            var message = new V1.RejectedReferral { Position = rejected.Position, ReferralId = referralIdAt(rejected.Position) };
            message.Violations.Add(rejected.Violations.Select(v => new V1.Violation { Field = v.Field, Description = v.Description }));
            response.Rejected.Add(message);
        }

        return response;
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Shorten(string text) => text.Length <= 20 ? text : string.Concat(text.AsSpan(0, 20), "…");
}
