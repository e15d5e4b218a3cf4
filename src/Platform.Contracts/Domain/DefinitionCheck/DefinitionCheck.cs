using R = Platform.Contracts.Domain.DefinitionCheck.DefinitionReason;

namespace Platform.Contracts.Domain.DefinitionCheck;

/// <summary>
/// Scores an arrangement against the five-point definition of population funding, reason by reason, the way the
/// report scores Utrecht, Alphen aan den Rijn and Emmen in its chapter 3, and classifies it among the funding forms.
/// Pure: the same arrangement always gives the same result.
/// </summary>
internal static class DefinitionCheck
{
    public static DefinitionCheckResult Evaluate(Arrangement arrangement)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        arrangement.EnsureValid();

        PointResult[] points =
        [
            FixedSumForDelimitedPopulation(arrangement),
            BasedOnPopulationWeight(arrangement),
            ResultsForThePopulation(arrangement),
            ProviderFreedom(arrangement),
            AccountsForResults(arrangement),
        ];
        var (classification, why) = Classify(arrangement, points);
        return new DefinitionCheckResult(points, classification, why);
    }

    private static PointResult FixedSumForDelimitedPopulation(Arrangement a)
    {
        var reasons = new List<Reason<R>>();
        if (a.BudgetForm == BudgetForm.PerClientResultPackage)
        {
            reasons.Add(new(R.BudgetPerClient,
                "The budget is set per client for that client's package of results (\"resultaatbekostiging per cliënt\"): " +
                "the caseload sets the volume, not a fixed sum for a population."));
        }
        else if (a.BudgetForm == BudgetForm.PerUnitDelivered)
        {
            reasons.Add(new(R.PaidPerUnit,
                "Each unit delivered is paid (\"productiebekostiging\", PxQ): the caseload sets the volume, not a fixed sum for a population."));
        }

        if (a.Population == PopulationDelimitation.None)
        {
            reasons.Add(new(R.PopulationNotDelimited,
                "The population is not delimited by area or target group (\"afgebakende populatie\")."));
        }

        if (reasons.Count > 0)
        {
            return new(DefinitionPoint.FixedSumForDelimitedPopulation, false, reasons);
        }

        return new(DefinitionPoint.FixedSumForDelimitedPopulation, true,
        [
            new(R.LumpSumForDelimitedPopulation,
                $"A fixed sum (\"vast bedrag\") for a population delimited by {Describe(a.Population)}."),
        ]);
    }

    private static PointResult BasedOnPopulationWeight(Arrangement a)
    {
        var passed = a.BudgetBasis is BudgetBasis.PopulationCharacteristics or BudgetBasis.ExpectedClients;
        var reasons = new List<Reason<R>>
        {
            a.BudgetBasis switch
            {
                BudgetBasis.PopulationCharacteristics => new(R.BasedOnCharacteristics,
                    "The sum rests on the weight and characteristics of the population (\"zwaarte en kenmerken\"), " +
                    "through the effort they are expected to need."),
                BudgetBasis.ExpectedClients => new(R.BasedOnExpectedClients,
                    "The sum is divided by the expected number of clients per area, estimated from historic use: " +
                    "the weight of each area's population (\"zwaarte\")."),
                BudgetBasis.StateAllocation => new(R.BasedOnStateAllocation,
                    "The budget is not so much based on the weight and characteristics of the area (\"zwaarte en kenmerken\") " +
                    "as on the budget received from the state (\"Rijk\", meicirculaire)" +
                    (a.EfficiencyDiscount ? ", including an efficiency discount (\"efficiencykorting\")." : ".")),
                BudgetBasis.ClientResultPackage => new(R.BasedOnClientResultPackages,
                    "The budget follows each client's package of results, not the weight or characteristics of a population."),
                _ => new(R.BasisNotStated,
                    "What the sum rests on is not stated, so it cannot be shown to follow the population's weight or characteristics."),
            },
        };

        // The report names these as counterweights to a budget that does not (yet) follow the population.
        if (!passed && a.AreaDataShared)
        {
            reasons.Add(new(R.AreaDataShared,
                "On the other hand, data on the districts and a social map (\"sociale kaart\") have been shared."));
        }

        if (!passed && a.BaselineMeasured)
        {
            reasons.Add(new(R.BaselineMeasured,
                "A baseline (\"nulmeting\") of the population's self-reliance and participation was measured, per area."));
        }

        return new(DefinitionPoint.BasedOnPopulationWeight, passed, reasons);
    }

    private static PointResult ResultsForThePopulation(Arrangement a)
    {
        var reasons = new List<Reason<R>>();
        var passed = a.Results.Any(r => r.Kind == ResultKind.Outcome && r.Scope == ResultScope.WholePopulation);
        if (!a.HasResults)
        {
            reasons.Add(new(R.NoResultAgreements,
                "No package of results is agreed in advance: a fixed sum without results is availability funding " +
                "(\"beschikbaarheidsbekostiging\", a subsidy in new clothes)."));
        }
        else if (passed)
        {
            var names = a.Results.Where(r => r.Kind == ResultKind.Outcome && r.Scope == ResultScope.WholePopulation).Select(r => r.Name);
            reasons.Add(new(R.OutcomesForWholePopulation,
                $"Results are agreed in advance for the whole population (\"gehele populatie\"): {string.Join(", ", names)}."));
        }
        else if (!a.HasWholePopulationResults)
        {
            reasons.Add(new(R.ResultsOnlyForSupportedClients,
                "The results are not formulated for the whole population (\"gehele populatie\"), " +
                "only for the supported citizens within it (\"ondersteunde burgers\", \"mensen in zorg\")."));
        }
        else
        {
            reasons.Add(new(R.NoOutcomeForPopulation,
                "The results for the whole population are process results, not outcomes for the population (\"uitkomstresultaten\")."));
        }

        if (a.ProcessResultsDominate)
        {
            var process = string.Join(", ", a.ProcessResults.Select(r => r.Name));
            var text = a.Outcomes.Count == 1
                ? $"{a.Outcomes[0].Name} is the only outcome measure steered on; the rest are results about the process ({process})"
                : $"No outcome is steered on; every result is about the process ({process})";
            reasons.Add(new(R.ProcessResultsDominate, text + ", not so much outcomes for the population (\"outcome\")."));
        }

        return new(DefinitionPoint.ResultsForThePopulation, passed, reasons);
    }

    private static PointResult ProviderFreedom(Arrangement a)
    {
        var reasons = new List<Reason<R>>();
        if (a.MunicipalityDecidesWhatIsNeeded)
        {
            reasons.Add(new(R.MunicipalityDecidesWhatIsNeeded,
                "The municipality keeps the decision on what a citizen needs (\"wat nodig is\", \"toegang\") in its own hands: " +
                "strictly speaking (\"heel feitelijk\") this is no longer population funding."));
        }

        if (a.Scope == SupportScope.SingleProduct)
        {
            reasons.Add(new(R.SingleProduct,
                $"The arrangement is aimed at one product, {a.Assignment}, so the freedom (\"vrijheid\") of point 4 is still " +
                $"minimal through its product focus (\"productgerichtheid\"): answering for a small package of results ({a.Results.Count}), " +
                "the provider has little room for integrality and innovation."));
        }

        if (reasons.Count > 0)
        {
            return new(DefinitionPoint.ProviderFreedom, false, reasons);
        }

        return new(DefinitionPoint.ProviderFreedom, true,
        [
            new(R.ProviderDecidesAndSpends,
                $"The (main) provider decides what citizens need and is free in how it spends the budget (\"vrijheid in de besteding\") on {a.Assignment}."),
        ]);
    }

    private static PointResult AccountsForResults(Arrangement a)
    {
        var reasons = new List<Reason<R>>();
        if (!a.HasResults)
        {
            reasons.Add(new(R.NoResultsToAccountFor, "There are no agreed results to account for (\"verantwoording\")."));
        }
        else if (!a.ReportsOnResults)
        {
            reasons.Add(new(R.NoReportingOnResults, $"The {a.Party} does not report on the agreed results (\"verantwoording\")."));
        }
        else
        {
            var check = a.ResultsCheckedBy switch
            {
                ResultsCheck.Auditor => ", with an annual report carrying an accountant's statement (\"accountantsverklaring\")",
                ResultsCheck.IndependentResearch => ", checked by independent research (\"onafhankelijk onderzoek\")",
                _ => "",
            };
            reasons.Add(new(R.ReportsOnAgreedResults, $"The {a.Party} reports periodically on the agreed results (\"verantwoording\"){check}."));
        }

        if (a.HasResults && a.LegalForm == LegalForm.Subsidy)
        {
            reasons.Add(new(R.SubsidyResultsNotEnforceable,
                "Under a subsidy (\"subsidie\") the result agreements cannot be enforced: no malus or claw-back; missed results " +
                "can only lead to another provider after the subsidy period."));
        }

        var passed = a.HasResults && a.ReportsOnResults;
        return new(DefinitionPoint.AccountsForResults, passed, reasons);
    }

    private static (FundingClassification, string) Classify(Arrangement a, PointResult[] points)
    {
        if (a.BudgetForm == BudgetForm.PerUnitDelivered)
        {
            return (FundingClassification.FeeForService,
                "Paid for the offer, with the caseload setting the volume: fee for service (\"productiebekostiging\", PxQ).");
        }

        if (a.BudgetForm == BudgetForm.PerClientResultPackage)
        {
            return (FundingClassification.PayForPerformance,
                "Paid for results, with the caseload setting the volume: pay for performance (\"resultaatbekostiging per cliënt\").");
        }

        if (a.MunicipalityDecidesWhatIsNeeded)
        {
            return (FundingClassification.MunicipalityKeepsWhatIsNeeded,
                "The municipality keeps what is needed in its own hands: strictly speaking (\"heel feitelijk\") no longer " +
                "population funding, though with strong parallels to it.");
        }

        if (!a.HasResults || !a.ReportsOnResults)
        {
            return (FundingClassification.AvailabilityFunding,
                "A fixed sum without steering on results: availability funding (\"beschikbaarheidsbekostiging\").");
        }

        var deviations = points.Where(p => !p.Passed).Select(p => (int)p.Point).ToArray();
        return deviations.Length == 0
            ? (FundingClassification.PopulationFunding, "Meets all five points of population funding (\"populatiebekostiging\").")
            : (FundingClassification.PopulationFundingDeviating,
                $"Population funding that (still) deviates from the definition (\"wijkt (nog) af\") on {(deviations.Length == 1 ? "point" : "points")} {string.Join(" and ", deviations)}.");
    }

    private static string Describe(PopulationDelimitation population) => population switch
    {
        PopulationDelimitation.Area => "area (\"gebied\")",
        PopulationDelimitation.TargetGroup => "target group (\"doelgroep\")",
        _ => "area and target group (\"gebied\" en \"doelgroep\")",
    };
}
