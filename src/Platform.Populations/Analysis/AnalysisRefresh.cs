using Platform.IntegrationEvents.Populations;
using Platform.Messaging.Outbox;
using Platform.Persistence.Sessions;
using Platform.Populations.Api;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Populations.Domain.Analysis;

namespace Platform.Populations.Analysis;

/// <summary>
/// Recomputes a municipality's overlap and gap analysis in the transaction that changed its active
/// populations, and publishes an event only when an outcome differs from the one published before (by
/// fingerprint), so a change that moves nothing stays quiet. Gaps are analysed per law over the current
/// calendar year, the period municipalities budget and contract in.
/// </summary>
internal sealed class AnalysisRefresh(Outbox outbox, TimeProvider clock)
{
    public Period CurrentYear()
    {
        var year = clock.Today().Year;
        return new Period(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    public static async Task<(AreaTree Tree, List<PopulationDefinition> Active)> LoadAsync(DbSession session, string municipality, CancellationToken ct)
    {
        var areas = await AreaStore.CodesAsync(session, municipality, ct);
        var active = await PopulationStore.ListAsync(session, municipality, PopulationStatus.Active, ct);
        return (AreaTree.From(areas), active.Select(p => p.Definition).ToList());
    }

    public async Task RefreshAsync(DbSession session, string municipality, CancellationToken ct)
    {
        var (tree, active) = await LoadAsync(session, municipality, ct);
        var overlaps = OverlapAnalysis.Find(tree, active);
        if (await ChangedAsync(session, municipality, "overlaps", AnalysisFingerprint.Of(overlaps), ct))
        {
            await outbox.AddAsync(session, new PopulationOverlapsChanged(
                municipality, overlaps.Count, [.. overlaps.Select(o => OverlapResponse.From(o).Summary())]), ct);
        }

        var window = CurrentYear();
        foreach (var law in Enum.GetValues<Law>())
        {
            var gaps = CoverageGapAnalysis.Find(tree, active, law, window);
            if (await ChangedAsync(session, municipality, $"gaps:{law}", AnalysisFingerprint.Of(gaps), ct))
            {
                await outbox.AddAsync(session, new CoverageGapsChanged(
                    municipality, law.ToString(), window.From, window.To!.Value, gaps.Count, [.. gaps.Select(g => GapResponse.Of(g).Summary())]), ct);
            }
        }
    }

    private static async Task<bool> ChangedAsync(DbSession session, string municipality, string analysis, string fingerprint, CancellationToken ct)
    {
        var written = await session.ExecuteAsync(
            """
            INSERT INTO analysis_outcomes (municipality, analysis, fingerprint) VALUES ($1, $2, $3)
            ON CONFLICT (municipality, analysis) DO UPDATE SET fingerprint = excluded.fingerprint, updated_at = now()
            WHERE analysis_outcomes.fingerprint <> excluded.fingerprint
            """,
            ct, municipality, analysis, fingerprint);
        return written > 0;
    }
}
