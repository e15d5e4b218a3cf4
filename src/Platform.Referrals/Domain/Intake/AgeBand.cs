namespace Platform.Referrals.Domain.Intake;

/// <summary>
/// The client's age band ("leeftijdscategorie"), not the age: a band is enough to compare against the population
/// and, beside a neighbourhood and a date, identifies a pseudonymous client far less than an exact age would.
/// The bands follow the laws: youth care to 18, extended youth care ("verlengde jeugdhulp") to 23, the Wmo for
/// adults, and the older ages where Wlz outflow concentrates.
/// </summary>
public enum AgeBand
{
    Unspecified = 0,

    /// <summary>0 to 3 years.</summary>
    Age0To3 = 1,

    /// <summary>4 to 11 years.</summary>
    Age4To11 = 2,

    /// <summary>12 to 17 years.</summary>
    Age12To17 = 3,

    /// <summary>18 to 22 years: extended youth care ("verlengde jeugdhulp").</summary>
    Age18To22 = 4,

    /// <summary>23 to 64 years.</summary>
    Age23To64 = 5,

    /// <summary>65 to 74 years.</summary>
    Age65To74 = 6,

    /// <summary>75 years and older.</summary>
    Age75AndOlder = 7,
}

public static class AgeBands
{
    /// <summary>The youngest age in the band.</summary>
    public static int From(this AgeBand band) => band switch
    {
        AgeBand.Age0To3 => 0,
        AgeBand.Age4To11 => 4,
        AgeBand.Age12To17 => 12,
        AgeBand.Age18To22 => 18,
        AgeBand.Age23To64 => 23,
        AgeBand.Age65To74 => 65,
        AgeBand.Age75AndOlder => 75,
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Not an age band."),
    };

    /// <summary>The oldest age in the band, or null for the open band 75+.</summary>
    public static int? To(this AgeBand band) => band switch
    {
        AgeBand.Age75AndOlder => null,
        _ => NextFrom(band) - 1,
    };

    /// <summary>The band an age falls in, for systems that know the age and must send only the band.</summary>
    public static AgeBand Of(int age) => age switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(age), age, "An age is not negative."),
        <= 3 => AgeBand.Age0To3,
        <= 11 => AgeBand.Age4To11,
        <= 17 => AgeBand.Age12To17,
        <= 22 => AgeBand.Age18To22,
        <= 64 => AgeBand.Age23To64,
        <= 74 => AgeBand.Age65To74,
        _ => AgeBand.Age75AndOlder,
    };

    private static int NextFrom(AgeBand band) => (band + 1).From();
}
