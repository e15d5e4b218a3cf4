namespace Platform.Budgets.Domain;

/// <summary>A population as the allocation sees it: its id, its name and the areas (CBS codes) it covers.</summary>
internal sealed record PopulationAreas(Guid Id, string Name, IReadOnlyList<string> Areas);

/// <summary>
/// Turns the characteristics of a population's areas into the population's counts. A share (a fraction of its base,
/// as the populations service publishes it) becomes a count with its base first, so shares add up weighted by their
/// base and are never averaged. A suppressed or missing figure of a characteristic that is asked for blocks the
/// population, naming the area: it is never read as zero.
/// </summary>
internal static class PopulationFigures
{
    /// <summary>The characteristics published as shares, and the count each is a share of.</summary>
    public static readonly IReadOnlyDictionary<string, string> ShareBases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["social_isolation_share"] = "inhabitants",
        ["low_income_households_share"] = "households",
    };

    /// <summary>Mean scores cannot divide a pool: a sum of scores means nothing.</summary>
    public static readonly IReadOnlySet<string> MeanScores = new HashSet<string>(StringComparer.Ordinal) { "ses_score" };

    public static (AreaFigures? Figures, IReadOnlyList<string> Errors) Of(
        PopulationAreas population, IReadOnlyCollection<string> characteristics, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>> valuesByArea)
    {
        var errors = new List<string>();
        var counts = characteristics.ToDictionary(c => c, _ => 0m, StringComparer.Ordinal);
        foreach (var area in population.Areas)
        {
            if (!valuesByArea.TryGetValue(area, out var values))
            {
                errors.Add($"Area {area} of population '{population.Name}': no characteristics as of the reference date.");
                continue;
            }

            foreach (var characteristic in characteristics)
            {
                if (CountOf(characteristic, values) is { } count)
                {
                    counts[characteristic] += count;
                }
                else
                {
                    errors.Add($"Area {area} of population '{population.Name}': characteristic '{characteristic}' is suppressed or missing; the allocation cannot be made.");
                }
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new AreaFigures(population.Id.ToString(), counts.ToDictionary(c => c.Key, c => new CharacteristicFigure(c.Value), StringComparer.Ordinal)), errors);
    }

    private static decimal? CountOf(string characteristic, IReadOnlyDictionary<string, double?> values)
    {
        if (values.GetValueOrDefault(characteristic) is not { } value)
        {
            return null;
        }

        if (!ShareBases.TryGetValue(characteristic, out var baseKey))
        {
            return (decimal)value;
        }

        return values.GetValueOrDefault(baseKey) is { } baseCount ? (decimal)value * (decimal)baseCount : null;
    }
}
