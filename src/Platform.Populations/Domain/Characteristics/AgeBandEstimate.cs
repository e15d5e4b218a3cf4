namespace Platform.Populations.Domain.Characteristics;

/// <summary>An estimated number of inhabitants; <see cref="IsProRated"/> when part of an age band was taken.</summary>
public sealed record EstimatedInhabitants(double? Count, bool IsProRated)
{
    public bool IsKnown => Count is not null;
}

/// <summary>
/// Estimates the inhabitants of an age range from the five CBS age bands. CBS publishes no finer ages per
/// area, so a band that the range covers in part contributes in proportion to the years covered, as if ages
/// were spread evenly within the band. The open band 65+ is taken as 65-99 for that purpose.
/// </summary>
public static class AgeBandEstimate
{
    /// <summary>The highest age of the open 65+ band when pro-rating it.</summary>
    public const int OldestAgeInTopBand = 99;

    private static readonly (Characteristic Band, int From, int To)[] Bands =
    [
        (Characteristic.Age0To14, 0, 14),
        (Characteristic.Age15To24, 15, 24),
        (Characteristic.Age25To44, 25, 44),
        (Characteristic.Age45To64, 45, 64),
        (Characteristic.Age65Plus, 65, OldestAgeInTopBand),
    ];

    /// <summary>
    /// The inhabitants of <paramref name="ages"/> in the area; unknown when a band the range needs is unknown.
    /// A range reaching past <see cref="OldestAgeInTopBand"/> takes the whole top band from its start; a range
    /// that starts above it overlaps no band and is estimated as 0.
    /// </summary>
    public static EstimatedInhabitants Inhabitants(CharacteristicValues values, AgeRange ages)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(ages);
        double total = 0;
        var proRated = false;
        var known = true;
        foreach (var (band, from, to) in Bands)
        {
            var coveredFrom = Math.Max(from, ages.From);
            var coveredTo = Math.Min(to, ages.UpperBound);

            if (coveredFrom > coveredTo)
            {
                continue;
            }

            var fraction = (coveredTo - coveredFrom + 1) / (double)(to - from + 1);
            proRated |= fraction < 1;
            if (values[band] is { } count)
            {
                total += count * fraction;
            }
            else
            {
                known = false;
            }
        }

        return new EstimatedInhabitants(known ? total : null, proRated);
    }
}
