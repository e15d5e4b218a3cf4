using System.Globalization;
using System.Text.Json;
using Platform.Contracts.Steering;
using Platform.IntegrationEvents.Outcomes;
using Platform.IntegrationEvents.Referrals;
using Platform.Messaging.Inbox;
using Platform.Persistence.Sessions;

namespace Platform.Contracts.Events;

/// <summary>
/// A referral signal goes on the next talk of every active contract it concerns: the contract answering for the
/// signal's population, the one whose contracting party is the signal's provider, or one whose populations cover the
/// signal's area. The signal id is the cause: it is on an agenda once.
/// </summary>
internal sealed class ReferralSignalRaisedConsumer(Database database) : InboxConsumer<ReferralSignalRaised>(database)
{
    protected override async Task HandleAsync(ReferralSignalRaised m, DbSession session, CancellationToken ct)
    {
        // A municipality (GMnnnn) or district (WKnnnnxx) code covers the codes that start with its digits.
        var contracts = await session.QueryAsync(
            """
            SELECT c.id FROM contracts c
            WHERE c.status = 'active' AND c.municipality = $1 AND CASE $2
                WHEN 'population' THEN $3 = ANY (SELECT p::text FROM unnest(c.populations) p)
                WHEN 'provider' THEN c.contracting_provider_id = $3
                ELSE EXISTS (SELECT 1 FROM populations p, unnest(p.areas) a
                             WHERE p.id = ANY (c.populations) AND (a = $3 OR substr($3, 3) LIKE substr(a, 3) || '%'))
            END
            """,
            r => r.GetGuid(0), ct, m.Municipality, m.UnitKind, m.UnitId);
        var title = $"Referral signal: {m.Kind} in {m.UnitName} ({m.Reason}), {m.PeriodKind} from {m.TriggerPeriod.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var figures = JsonSerializer.Serialize(m.Evidence, JsonSerializerOptions.Web);
        foreach (var contract in contracts)
        {
            await SteeringStore.RaiseAsync(session, contract, m.Municipality, "referral-signal", m.SignalId.ToString(), title, figures, false, ct);
        }
    }
}

/// <summary>
/// A result agreement not met goes on the contract's next talk, once per agreement and period: a recomputation
/// (a higher revision) adds nothing.
/// </summary>
internal sealed class ResultAgreementEvaluatedConsumer(Database database) : InboxConsumer<ResultAgreementEvaluated>(database)
{
    protected override async Task HandleAsync(ResultAgreementEvaluated m, DbSession session, CancellationToken ct)
    {
        if (m.Outcome != "not-met"
            || await session.ScalarAsync<long>("SELECT count(*) FROM contracts WHERE id = $1 AND municipality = $2", ct, m.ContractId, m.Municipality) == 0)
        {
            return;
        }

        var period = $"{m.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {m.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var title = $"Result agreement not met: {m.IndicatorCode} (definition {m.DefinitionVersion}) over {period}: {m.Value?.ToString(CultureInfo.InvariantCulture) ?? "no value"} against {m.Norm.ToString(CultureInfo.InvariantCulture)}";
        var figures = JsonSerializer.Serialize(new { m.Value, m.Norm, m.PeriodStart, m.PeriodEnd, m.DefinitionVersion, m.Revision }, JsonSerializerOptions.Web);
        await SteeringStore.RaiseAsync(
            session, m.ContractId, m.Municipality, "result-not-met", $"{m.AgreementId}:{m.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", title, figures, false, ct);
    }
}
