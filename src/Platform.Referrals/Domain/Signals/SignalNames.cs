using System.Text.Json;
using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Domain.Signals;

/// <summary>The names signals are stored, published and shown under, e.g. <c>cost-shifting</c>, <c>population</c>.</summary>
public static class SignalNames
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Of(SignalKind kind) => kind switch
    {
        SignalKind.CostShifting => "cost-shifting",
        SignalKind.PersonalBudgetOutflow => "personal-budget-outflow",
        SignalKind.WaitingTime => "waiting-time",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(UnitKind unit) => unit.ToString().ToLowerInvariant();

    public static string Of(PeriodKind period) => period.ToString().ToLowerInvariant();

    /// <summary><c>above-upper-limit</c>, <c>rising-trend</c> or both, comma-separated.</summary>
    public static string Of(BreachReason reason) => string.Join(',', new[]
    {
        reason.HasFlag(BreachReason.AboveUpperLimit) ? "above-upper-limit" : null,
        reason.HasFlag(BreachReason.RisingTrend) ? "rising-trend" : null,
    }.OfType<string>());

    public static SignalKind ParseKind(string text) =>
        Enum.GetValues<SignalKind>().Single(k => Of(k) == text);

    public static UnitKind ParseUnit(string text) =>
        Enum.GetValues<UnitKind>().Single(k => Of(k) == text);
}
