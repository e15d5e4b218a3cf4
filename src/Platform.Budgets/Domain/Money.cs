namespace Platform.Budgets.Domain;

/// <summary>
/// Money rules of the service: euros as decimal, rounded to whole cents half-up (away from zero), and shares split
/// so the parts sum exactly to the whole.
/// </summary>
internal static class Money
{
    public static decimal ToCents(decimal euros) => Math.Round(euros, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Splits <paramref name="total"/> (whole cents) over the keys in proportion to their non-negative weights by
    /// the largest-remainder method: every part is first rounded down to a cent, and the cents left over go one each
    /// to the parts with the largest remainders (ties by key order). The parts always sum to the total.
    /// </summary>
    public static IReadOnlyList<decimal> SplitExact(decimal total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (total != ToCents(total))
        {
            throw new ArgumentException("The total must be whole cents.", nameof(total));
        }

        if (weights.Count == 0 || weights.Any(w => w < 0) || weights.Sum() == 0)
        {
            throw new ArgumentException("At least one positive weight is needed, and none negative.", nameof(weights));
        }

        var sum = weights.Sum();
        var totalCents = (long)(total * 100);
        var cents = new long[weights.Count];
        var remainders = new decimal[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = totalCents * weights[i] / sum;
            cents[i] = (long)Math.Floor(exact);
            remainders[i] = exact - cents[i];
        }

        var left = totalCents - cents.Sum();
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)left))
        {
            cents[i]++;
        }

        return cents.Select(c => c / 100m).ToArray();
    }
}
