namespace Platform.Budgets.Domain;

/// <summary>One cost component of an indexation clause: its contract weight, forecast for the coming year, and the
/// correction of the last year (definitive over forecast), all as fractions (0.0418 = 4.18 %).</summary>
internal sealed record IndexComponent(string Name, decimal Weight, decimal Forecast, decimal Correction)
{
    /// <summary>The correction from a forecast and a definitive figure, multiplicatively: (1 + definitive) / (1 + forecast) − 1.</summary>
    public static decimal CorrectionOf(decimal forecast, decimal definitive) => (1 + definitive) / (1 + forecast) - 1;
}

/// <summary>
/// Indexation by the standard Wmo contract's method (funding-rules §1.5): a wage (OVA) and a material (PCC) index with
/// contract weights, each the forecast for the coming year plus the correction of the last.
/// <para>
/// Reading taken: each component is compounded, (1 + forecast) · (1 + correction) − 1, and the components are then
/// weighted. For 2025 (OVA 4.18 % forecast, +1.01 % correction; PCC 1.82 %, +0.5756 %; weights 90/10) this gives
/// 4.949 %, not the 4.91 % VNG publishes: VNG adds the weighted forecast (3.94 %) and the weighted correction
/// (0.97 %). The difference (0.04 point) is the cross term of compounding; <see cref="Additive"/> gives VNG's reading
/// for a contract that says so.
/// </para>
/// </summary>
internal static class Indexation
{
    public static decimal Compounded(IReadOnlyList<IndexComponent> components)
    {
        Validate(components);
        return components.Sum(c => c.Weight * ((1 + c.Forecast) * (1 + c.Correction) - 1));
    }

    public static decimal Additive(IReadOnlyList<IndexComponent> components)
    {
        Validate(components);
        return components.Sum(c => c.Weight * (c.Forecast + c.Correction));
    }

    /// <summary>The amount of each year from a base amount: each year's index applied to the previous year's amount,
    /// rounded half-up to cents each year. No indexes (a fixed sum) leaves every year at the base.</summary>
    public static IReadOnlyList<decimal> Years(decimal baseAmount, IReadOnlyList<decimal> indexPerYear)
    {
        var amounts = new List<decimal> { Money.ToCents(baseAmount) };
        foreach (var index in indexPerYear)
        {
            amounts.Add(Money.ToCents(amounts[^1] * (1 + index)));
        }

        return amounts;
    }

    private static void Validate(IReadOnlyList<IndexComponent> components)
    {
        if (components.Count == 0 || components.Any(c => c.Weight < 0) || components.Sum(c => c.Weight) != 1m)
        {
            throw new ArgumentException("The component weights must be non-negative and sum to 1.", nameof(components));
        }
    }
}
