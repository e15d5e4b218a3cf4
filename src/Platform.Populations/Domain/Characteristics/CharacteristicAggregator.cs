namespace Platform.Populations.Domain.Characteristics;

/// <summary>Combines the characteristics of several areas into those of the areas together.</summary>
public static class CharacteristicAggregator
{
    /// <summary>
    /// Counts add up; shares and mean scores are weighted by their base (Σ value·base / Σ base). When any
    /// area lacks a value (or, for a weighted one, its base), the result is unknown: leaving the area out
    /// would report a number that is too low rather than one that is missing. An area whose base is 0
    /// carries no weight, so its unknown share does not matter. With no weight at all a share is unknown.
    /// </summary>
    public static CharacteristicValues Aggregate(IEnumerable<CharacteristicValues> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var all = Characteristic.All;
        var sums = new double[all.Count];
        var weights = new double[all.Count];
        var unknown = new bool[all.Count];
        foreach (var area in areas)
        {
            foreach (var characteristic in all)
            {
                var i = characteristic.Index;
                if (unknown[i])
                {
                    continue;
                }

                var value = area[characteristic];
                if (characteristic.Base is not { } @base)
                {
                    unknown[i] = value is null;
                    sums[i] += value ?? 0;
                    continue;
                }

                var weight = area[@base];
                if (weight is null || (value is null && weight != 0))
                {
                    unknown[i] = true;
                    continue;
                }

                sums[i] += (value ?? 0) * weight.Value;
                weights[i] += weight.Value;
            }
        }

        var result = new double?[all.Count];
        foreach (var characteristic in all)
        {
            var i = characteristic.Index;
            result[i] = unknown[i] ? null
                : !characteristic.IsWeighted ? sums[i]
                : weights[i] > 0 ? sums[i] / weights[i]
                : null;
        }

        return new CharacteristicValues(result);
    }
}
