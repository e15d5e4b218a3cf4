namespace Platform.Populations.Import;

/// <summary>
/// The numbers behind one synthetic area. Shares and the SES score are kept as counts and sums (persons
/// isolated, households on a low income, score times households) so that a district is exactly the sum of
/// its neighbourhoods and its shares are the weighted means, as in CBS's own tables.
/// </summary>
internal sealed class SyntheticArea
{
    private static readonly double[] TypicalAgeShares = [0.16, 0.12, 0.24, 0.26, 0.22];

    public int Inhabitants { get; private set; }

    /// <summary>0-14, 15-24, 25-44, 45-64, 65+.</summary>
    public int[] AgeBands { get; } = new int[5];

    public int Households { get; private set; }

    public int HouseholdsWithChildren { get; private set; }

    public int EducationLow { get; private set; }

    public int EducationMiddle { get; private set; }

    public int EducationHigh { get; private set; }

    public int SocialAssistanceRecipients { get; private set; }

    public int YouthCareClients { get; private set; }

    public int WmoClients { get; private set; }

    public int SociallyIsolated { get; private set; }

    public int LowIncomeHouseholds { get; private set; }

    /// <summary>Σ score × households; the score is this divided by <see cref="Households"/>.</summary>
    public double SesScoreTimesHouseholds { get; private set; }

    public double SesScore => Households == 0 ? 0 : SesScoreTimesHouseholds / Households;

    public static SyntheticArea Neighbourhood(Random random)
    {
        var area = new SyntheticArea();

        // One in ten neighbourhoods is small (a hamlet, an industrial estate), which is where CBS suppresses.
        var inhabitants = random.NextDouble() < 0.1
            ? random.Next(10, 100)
            : (int)Math.Round(150 * Math.Pow(25, random.NextDouble()));
        area.Inhabitants = inhabitants;
        area.SpreadOverAgeBands(random);
        area.Households = (int)Math.Round(inhabitants / (1.8 + (0.8 * random.NextDouble())));
        area.HouseholdsWithChildren = Fraction(area.Households, random, 0.20, 0.45);

        var persons15To75 = area.AgeBands[1] + area.AgeBands[2] + area.AgeBands[3] + (area.AgeBands[4] / 2);
        var withKnownEducation = (int)(persons15To75 * 0.95);
        area.EducationLow = Fraction(withKnownEducation, random, 0.15, 0.35);
        area.EducationHigh = Math.Min(Fraction(withKnownEducation, random, 0.20, 0.50), withKnownEducation - area.EducationLow);
        area.EducationMiddle = withKnownEducation - area.EducationLow - area.EducationHigh;

        area.SocialAssistanceRecipients = Fraction(inhabitants - area.AgeBands[0], random, 0.005, 0.06);
        area.YouthCareClients = Fraction(area.AgeBands[0] + area.AgeBands[1], random, 0.05, 0.14);
        area.WmoClients = Fraction(inhabitants, random, 0.04, 0.12);
        area.SociallyIsolated = Fraction(inhabitants, random, 0.05, 0.15);
        area.LowIncomeHouseholds = Fraction(area.Households, random, 0.03, 0.15);

        // Roughly normal around 0 with spread 0.3 (sum of uniforms), rounded as CBS publishes it.
        var score = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 0.6;
        area.SesScoreTimesHouseholds = Math.Round(Math.Clamp(score, -1, 1), 3) * area.Households;
        return area;
    }

    public static SyntheticArea Sum(IEnumerable<SyntheticArea> parts)
    {
        var sum = new SyntheticArea();
        foreach (var part in parts)
        {
            sum.Inhabitants += part.Inhabitants;
            for (var i = 0; i < sum.AgeBands.Length; i++)
            {
                sum.AgeBands[i] += part.AgeBands[i];
            }

            sum.Households += part.Households;
            sum.HouseholdsWithChildren += part.HouseholdsWithChildren;
            sum.EducationLow += part.EducationLow;
            sum.EducationMiddle += part.EducationMiddle;
            sum.EducationHigh += part.EducationHigh;
            sum.SocialAssistanceRecipients += part.SocialAssistanceRecipients;
            sum.YouthCareClients += part.YouthCareClients;
            sum.WmoClients += part.WmoClients;
            sum.SociallyIsolated += part.SociallyIsolated;
            sum.LowIncomeHouseholds += part.LowIncomeHouseholds;
            sum.SesScoreTimesHouseholds += part.SesScoreTimesHouseholds;
        }

        return sum;
    }

    private static int Fraction(int of, Random random, double low, double high) =>
        (int)Math.Round(of * (low + ((high - low) * random.NextDouble())));

    private void SpreadOverAgeBands(Random random)
    {
        var weights = TypicalAgeShares.Select(share => share * (0.7 + (0.6 * random.NextDouble()))).ToArray();
        var total = weights.Sum();
        var assigned = 0;
        for (var i = 0; i < AgeBands.Length - 1; i++)
        {
            AgeBands[i] = (int)(Inhabitants * weights[i] / total);
            assigned += AgeBands[i];
        }

        // The rest goes to 65+, so that the bands add up to the inhabitants exactly.
        AgeBands[^1] = Inhabitants - assigned;
    }
}
