using System.Text.Json;
using Platform.Budgets.Data;
using Platform.Budgets.Domain;
using Platform.Hosting.Results;
using Platform.IntegrationEvents.Contracts;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Budgets.Budgets;

/// <summary>A budget year's settlement: its lines with their reasons and the balance (positive: still due to the provider).</summary>
internal sealed record SettlementView(
    Guid BudgetId, Guid ContractId, int Year, int BudgetVersion, string LegalForm, IReadOnlyList<SettlementLine> Lines, decimal Balance,
    bool Closed, string? ClosedBy, DateTimeOffset? ClosedAt);

/// <summary>
/// Year-end settlement of an adopted budget: the budget, the instalments paid, the holdback (withheld until an audit
/// says the agreements were met), and bonus and malus from the outcomes service's evaluations of the contract's result
/// agreements in the year, as far as the contract's legal form allows (a subsidy cannot enforce a malus).
/// </summary>
internal sealed class Settlements(Database database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The closed settlement, or what it would be if closed now.</summary>
    public async Task<Result<SettlementView>> GetAsync(CallerContext caller, Guid id, CancellationToken ct)
    {
        await using var session = await database.BeginAsync(caller, ct);
        return await ClosedAsync(session, id, ct) is { } closed ? Result<SettlementView>.Done(closed) : await ComputeAsync(session, id, ct);
    }

    public async Task<Result<SettlementView>> CloseAsync(CallerContext caller, Guid id, CancellationToken ct)
    {
        await using var session = await database.BeginAsync(caller, ct);
        if (!await BudgetStore.LockAsync(session, id, ct))
        {
            return Result<SettlementView>.NotFound();
        }

        if (await ClosedAsync(session, id, ct) is not null)
        {
            return Result<SettlementView>.InConflict("The settlement is closed; it is never changed.");
        }

        var computed = await ComputeAsync(session, id, ct);
        if (computed.Value is not { } settlement)
        {
            return computed;
        }

        await session.ExecuteAsync(
            """
            INSERT INTO settlements (budget_id, municipality, budget_version, legal_form, lines, balance, closed_by)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
            """,
            ct, id, caller.Municipality, settlement.BudgetVersion, settlement.LegalForm, JsonSerializer.Serialize(settlement.Lines, Json),
            settlement.Balance, caller.Subject);
        var closed = await ClosedAsync(session, id, ct);
        await session.CommitAsync(ct);
        return Result<SettlementView>.Done(closed!);
    }

    private static async Task<Result<SettlementView>> ComputeAsync(DbSession session, Guid id, CancellationToken ct)
    {
        if (await BudgetStore.GetAsync(session, id, ct) is not { } budget)
        {
            return Result<SettlementView>.NotFound();
        }

        if (budget.Adopted is not { } adopted)
        {
            return Result<SettlementView>.InConflict("The budget has no adopted version; there is nothing to settle.");
        }

        var contract = (await ReadModelStore.ContractAsync(session, budget.ContractId, ct))!;
        var agreements = await AgreementsAsync(session, budget.ContractId, ct);
        var evaluations = await session.QueryAsync(
            """
            SELECT agreement_id, indicator_code, period_start, period_end, value, norm FROM result_evaluations
            WHERE contract_id = $1 AND period_start >= $2 AND period_end <= $3 ORDER BY period_start, indicator_code
            """,
            r => (Agreement: r.GetGuid(0), Indicator: r.GetString(1), From: r.GetFieldValue<DateOnly>(2), To: r.GetFieldValue<DateOnly>(3),
                Value: r.IsDBNull(4) ? (decimal?)null : r.GetDecimal(4), Norm: r.GetDecimal(5)),
            ct, budget.ContractId, new DateOnly(budget.Year, 1, 1), new DateOnly(budget.Year, 12, 31));

        var results = new List<(Incentive, decimal)>();
        var unsettled = new List<SettlementLine>();
        foreach (var e in evaluations)
        {
            if (agreements.GetValueOrDefault(e.Agreement) is not { Incentive: not "none" } agreement)
            {
                continue;
            }

            var name = $"{e.Indicator} {e.From:yyyy-MM-dd}/{e.To:yyyy-MM-dd}";
            if (e.Value is not { } value)
            {
                unsettled.Add(new SettlementLine("bonus-malus", 0m, $"{name}: too few measurements counted; neither bonus nor malus"));
                continue;
            }

            var amount = agreement.IncentiveAmount ?? 0m;
            results.Add((new Incentive(
                name, e.Norm, ComparisonOf(agreement.Comparison),
                agreement.Incentive is "bonus" or "bonus-malus" ? amount : 0m,
                agreement.Incentive is "malus" or "bonus-malus" ? amount : 0m), value));
        }

        var form = contract.LegalForm == "subsidy" ? LegalForm.Subsidy : LegalForm.Agreement;
        // Instalments fall due monthly through the year, so by its end the paid part has been paid in full.
        var settled = Settlement.Settle(form, adopted.Amount, adopted.Amount - adopted.HoldbackAmount, adopted.HoldbackAmount, false, results, null, 0m);
        var lines = new List<SettlementLine>(settled.Lines);
        lines.AddRange(unsettled);
        return Result<SettlementView>.Done(new SettlementView(
            id, budget.ContractId, budget.Year, adopted.Version, contract.LegalForm, lines, lines.Sum(l => l.Amount), false, null, null));
    }

    private static async Task<Dictionary<Guid, ResultAgreementSnapshot>> AgreementsAsync(DbSession session, Guid contract, CancellationToken ct) =>
        (await session.QueryAsync(
            "SELECT result_agreements::text FROM contracts WHERE id = $1",
            r => JsonSerializer.Deserialize<List<ResultAgreementSnapshot>>(r.GetString(0))!, ct, contract))
        .SelectMany(a => a).ToDictionary(a => a.AgreementId);

    private static Comparison ComparisonOf(string comparison) => comparison switch
    {
        "at-least" => Comparison.GreaterOrEqual,
        "more-than" => Comparison.GreaterThan,
        "at-most" => Comparison.LessOrEqual,
        "less-than" => Comparison.LessThan,
        _ => throw new InvalidOperationException($"Unknown comparison '{comparison}' in a result agreement."),
    };

    private static async Task<SettlementView?> ClosedAsync(DbSession session, Guid id, CancellationToken ct) =>
        (await session.QueryAsync(
            """
            SELECT s.budget_id, b.contract_id, b.year, s.budget_version, s.legal_form, s.lines::text, s.balance, s.closed_by, s.closed_at
            FROM settlements s JOIN budgets b ON b.id = s.budget_id WHERE s.budget_id = $1
            """,
            r => new SettlementView(
                r.GetGuid(0), r.GetGuid(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4),
                JsonSerializer.Deserialize<List<SettlementLine>>(r.GetString(5), Json)!, r.GetDecimal(6), true, r.GetString(7), r.GetFieldValue<DateTimeOffset>(8)),
            ct, id)).SingleOrDefault();
}
