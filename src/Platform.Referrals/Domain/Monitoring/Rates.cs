namespace Platform.Referrals.Domain.Monitoring;

/// <summary>Counts turned into rates; a rate over an empty denominator is not zero but unknown, so it is null.</summary>
public static class Rates
{
    /// <summary>Count per 1,000 inhabitants ("per 1.000 inwoners"), the measure of the Monitor Sociaal Domein.</summary>
    public static double? PerThousandInhabitants(long count, long inhabitants) => Per(count, inhabitants, 1000);

    /// <summary>Count per active client ("per actieve cliënt") of the provider or area in the period.</summary>
    public static double? PerActiveClient(long count, long activeClients) => Per(count, activeClients, 1);

    private static double? Per(long count, long denominator, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        return denominator == 0 ? null : count * scale / denominator;
    }
}
