using Platform.Outcomes.Data;
using Platform.Outcomes.Domain;
using Platform.Outcomes.Domain.Measurements;
using Platform.Outcomes.Domain.Results;
using Platform.Persistence.Sessions;

namespace Platform.Outcomes.Results;

/// <summary>The provider's own account beside a figure ("tellen én vertellen").</summary>
internal sealed record NarrativeView(string ProviderId, DateOnly PeriodStart, DateOnly PeriodEnd, string Text);

/// <summary>
/// One result row: a contract as a whole (<see cref="PopulationId"/> null, what its agreements are evaluated on) or
/// one of its populations. <see cref="PeerPosition"/> places a population's share in the funnel of its peers.
/// </summary>
internal sealed record ResultRow(
    Guid ContractId, string ContractName, Guid? PopulationId, string Period, DateOnly PeriodStart, DateOnly PeriodEnd,
    string Indicator, int DefinitionVersion, string Statistic, decimal? Value, decimal? Numerator, decimal? Denominator, string Status,
    double? Lower, double? Upper, double? PeerShare, string? PeerPosition, IReadOnlyList<NarrativeView> Narratives);

internal sealed record ResultsQuery(Period Period, Guid? ContractId, Guid? PopulationId, string? Indicator);

/// <summary>Computes the results of the contracts the session sees for one period, with peer comparison and narratives.</summary>
internal static class ResultsReport
{
    public static async Task<List<ResultRow>> ComputeAsync(DbSession session, ResultsQuery query, CancellationToken ct)
    {
        var definitions = await ResultInputStore.DefinitionsAsync(session, ct);
        var contracts = await ResultInputStore.ContractsAsync(session, query.ContractId, ct);
        var measurements = (await MeasurementStore.OfContractsAsync(session, [.. contracts.Select(c => c.ContractId)], query.Period.End, ct))
            .ToLookup(m => (m.ContractId, m.PopulationId));
        var rows = new List<ResultRow>();
        foreach (var contract in contracts)
        {
            var units = contract.PopulationIds.Where(p => query.PopulationId is null || p == query.PopulationId).Select(p => (Guid?)p).ToList();
            if (query.PopulationId is null)
            {
                units.Insert(0, null);
            }

            foreach (var population in units)
            {
                var own = population is { } p
                    ? measurements[(contract.ContractId, p)].ToList()
                    : [.. contract.PopulationIds.SelectMany(id => measurements[(contract.ContractId, id)])];
                rows.AddRange(RowsFor(contract, population, own, definitions, query));
            }
        }

        return WithPeers(rows);
    }

    private static IEnumerable<ResultRow> RowsFor(ContractUnit contract, Guid? population, List<StoredMeasurement> own, List<Definition> definitions, ResultsQuery query)
    {
        var contents = own.Select(m => m.Content).ToList();
        foreach (var code in definitions.Select(d => d.Code).Distinct().Where(c => query.Indicator is null || c == query.Indicator).Order(StringComparer.Ordinal))
        {
            if (Definition.ValidFor(definitions, code, query.Period) is not { } definition || !ResultCalculator.Computes(definition))
            {
                continue;
            }

            var narratives = own.Where(m => m.Content is NarrativeContent n && n.Indicator == code && n.PeriodStart <= query.Period.End && n.PeriodEnd >= query.Period.Start)
                .Select(m => (m.ProviderId, (NarrativeContent)m.Content))
                .Select(x => new NarrativeView(x.ProviderId, x.Item2.PeriodStart, x.Item2.PeriodEnd, x.Item2.Text))
                .ToList();
            if (!ResultCalculator.IsFedBy(definition, contents) && narratives.Count == 0)
            {
                continue;
            }

            var r = ResultCalculator.Compute(definition, query.Period, contents)!;
            yield return new ResultRow(contract.ContractId, contract.Name, population, query.Period.Name, query.Period.Start, query.Period.End,
                r.Indicator, r.DefinitionVersion, r.Statistic, r.Value, r.Numerator, r.Denominator, r.Status, r.Lower, r.Upper, null, null, narratives);
        }
    }

    /// <summary>
    /// Each population's share against the pooled share of every population the caller sees for the same indicator:
    /// funnel limits at 95 % and 99.8 %. With fewer than two computed populations there is nothing to compare with.
    /// </summary>
    private static List<ResultRow> WithPeers(List<ResultRow> rows)
    {
        var peers = rows.Where(r => r.PopulationId is not null && r.Statistic == "share" && r.Value is not null && r.Numerator <= r.Denominator)
            .GroupBy(r => r.Indicator)
            .Where(g => g.Count() >= 2)
            .ToDictionary(g => g.Key, g => (double)(g.Sum(r => r.Numerator!.Value) / g.Sum(r => r.Denominator!.Value)));
        return [.. rows.Select(r => r.PopulationId is not null && r.Value is { } value && r.Numerator <= r.Denominator && peers.TryGetValue(r.Indicator, out var pooled)
            ? r with { PeerShare = pooled, PeerPosition = FunnelLimits.Position((double)value, pooled, (int)r.Denominator!.Value) }
            : r)];
    }
}
