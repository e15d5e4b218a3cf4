using I = Platform.Contracts.Domain.DefinitionCheck.IncentiveReason;

namespace Platform.Contracts.Domain.DefinitionCheck;

/// <summary>
/// The four incentives of an arrangement (volume, input per client, quality, accessibility) with their direction and
/// reasons, as the report's chapter 3 table gives them for Utrecht, Alphen aan den Rijn and Emmen, and as its
/// chapter 2 describes them for the other funding forms. Pure.
/// </summary>
internal static class IncentiveProfile
{
    private const string NotAssessed =
        "The report leaves this incentive of this funding form to its earlier guide and names no direction itself.";

    public static IncentiveProfileResult Evaluate(Arrangement arrangement)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        arrangement.EnsureValid();
        return arrangement.BudgetForm switch
        {
            BudgetForm.PerUnitDelivered => new(
            [
                new(Incentive.Volume, Direction.Up,
                    [new(I.PaidPerUnitRaisesVolume, "More production brings more revenue, which drives volume up (\"volume opdrijvend\").")]),
                new(Incentive.InputPerClient, Direction.Up,
                    [new(I.PaidPerUnitRaisesInput, "Every extra unit delivered to a client is paid, so input per client is driven up.")]),
                new(Incentive.Quality, Direction.None, [new(I.NotAssessedForForm, NotAssessed)]),
                new(Incentive.Accessibility, Direction.None, [new(I.NotAssessedForForm, NotAssessed)]),
            ]),
            BudgetForm.PerClientResultPackage => new(
            [
                PerClientVolume(arrangement),
                new(Incentive.InputPerClient, Direction.None,
                    [new(I.InputPaysOnlyForResults, "Doing more per client only pays when it adds to the agreed result.")]),
                new(Incentive.Quality, Direction.Up,
                    [new(I.PaidForResults, "Paying for the agreed results aligns the provider's interest with the result.")]),
                new(Incentive.Accessibility, Direction.None, [new(I.NotAssessedForForm, NotAssessed)]),
            ]),
            _ => new([Volume(arrangement), Input(arrangement), Quality(arrangement), Accessibility(arrangement)]),
        };
    }

    private static IncentiveResult PerClientVolume(Arrangement a) => a.Access == Access.Provider
        ? new(Incentive.Volume, Direction.Up,
            [new(I.PaidPerClientRaisesVolume, "Paid per client, the provider gains from more clients rather than from less dependence on support (\"volumeopdrijving\").")])
        : new(Incentive.Volume, Direction.None,
            [new(I.IndependentAccessHoldsVolume, "Pay per client would drive volume up, but the municipality holds access itself, " +
                "the strong and independent access (\"stevige en onafhankelijke toegang\") that prevents it.")]);

    private static IncentiveResult Volume(Arrangement a)
    {
        var reasons = new List<Reason<I>>
        {
            new(I.FixedSumLowersVolume,
                $"The {a.Party} is prompted to lower the volume: a fixed sum pays the same however little is deployed (\"zo min mogelijk inzetten\")."),
        };
        if (a.Scope == SupportScope.BroadIncludingSpecialist)
        {
            reasons.Add(new(I.PreventionWithinBroadResponsibility,
                $"It does so through a focus on prevention and other innovative solutions within its broad responsibility for {a.Assignment}."));
        }

        if (!a.HasResults)
        {
            reasons.Add(new(I.NoResultsAgainstUnderProduction,
                "Nothing holds back under-delivery: it is the focus on results that keeps a fixed budget from deploying too little support."));
        }
        else if (!a.HasWholePopulationResults)
        {
            reasons.Add(new(I.UnderProductionRisk,
                "As results are only measured among people receiving support, there is a risk of underproduction (\"onderproductie\") " +
                $"for people in the population who do not yet receive {a.Assignment} but do need it; steering on results for the whole " +
                "population is a condition to encourage prevention and early signalling (\"preventie en vroegsignalering\")."));
        }

        return new(Incentive.Volume, Direction.Down, reasons);
    }

    private static IncentiveResult Input(Arrangement a)
    {
        Reason<I> reason = (a.MunicipalityDecidesWhatIsNeeded, a.HasResults, a.Scope) switch
        {
            (true, _, _) => new(I.MunicipalityDecidesInput,
                "The municipality's own team decides the input per client within a fixed budget per area, which presses costs down."),
            (_, false, _) => new(I.FixedSumPressesInput, "A fixed sum presses the input per client down (\"kostendrukkend\")."),
            (_, _, SupportScope.BasicSupportOnly) => new(I.CombinesCareAndTailoredSolutions,
                "The teams deploy their people smartly by combining forms of care and look for tailored and innovative solutions " +
                "(\"maatwerk\"), which lowers the total input of professionals, mainly in the supplementary, more specialist offer (\"aanvullend aanbod\")."),
            (_, _, SupportScope.BroadIncludingSpecialist) => new(I.VolunteersIntegrationAndInnovation,
                "The input of professionals is lowered: other solutions are sought, for instance with volunteers (\"vrijwilligers\"), " +
                "support and care are integrated where they can be, and the offer is developed further by investing in innovation of specialist support."),
            _ => new(I.InputMatchedToNeed,
                "Input is no longer fixed per client in advance (\"niet meer vooraf vastgesteld per cliënt\"): it is matched to the care needed, " +
                "so people are deployed more smartly."),
        };
        return new(Incentive.InputPerClient, Direction.Down, [reason]);
    }

    private static IncentiveResult Quality(Arrangement a)
    {
        if (!a.HasResults)
        {
            return new(Incentive.Quality, Direction.Down,
            [
                new(I.NoResultSteering, "Without steering on results, the attention for prevention and for securing the right results " +
                    "falls away: availability funding (\"beschikbaarheidsbekostiging\")."),
            ]);
        }

        var reasons = new List<Reason<I>>();
        if (a.HasWholePopulationResults)
        {
            var check = a.ResultsCheckedBy == ResultsCheck.None ? "" : " and checking that they are reached";
            reasons.Add(new(I.SteeringOnResultsForPopulation,
                $"The form has a positive effect on quality, through steering on results formulated in advance{check} for the population."));
        }
        else if (a.ResultsCheckedBy == ResultsCheck.IndependentResearch)
        {
            reasons.Add(new(I.IndependentQualityMeasurement,
                $"The quality of {a.Assignment} for clients in care goes up through steering on results with independent quality " +
                "measurements (\"onafhankelijke kwaliteitsmetingen\")."));
        }
        else
        {
            var agreed = a.Outcomes.Count > 0 ? string.Join(", ", a.Outcomes.Select(r => r.Name)) : string.Join(", ", a.Results.Select(r => r.Name));
            reasons.Add(new(I.ResultsForClientsInCare,
                $"Given the results agreed in advance on {agreed}, the form has a positive influence on the quality experienced by clients in care."));
        }

        if (a.ProcessResultsDominate)
        {
            reasons.Add(new(I.ProcessFocusRisk,
                "The process results agreed risk too much focus on the process instead of on outcome."));
        }

        if (!a.HasWholePopulationResults)
        {
            reasons.Add(new(I.WholePopulationResultsNeeded,
                "To also encourage prevention and early signalling (\"preventie en vroegsignalering\"), steering on results for the " +
                "whole (\"gehele\") population is a condition in the long term."));
        }

        if (a.AreasOrProvidersToCompare <= 1)
        {
            reasons.Add(new(I.LittleRoomToMirror,
                "With one contracting party there is little room to mirror (\"spiegelen\") the results against other areas or providers " +
                "to develop quality; the risk is that quality is kept up only by sharpening the agreed quality measures mid-term."));
        }

        if (a.Scope == SupportScope.SingleProduct)
        {
            reasons.Add(new(I.IntegralityNotGuaranteed,
                "As the provider answers for one product only, integrality (\"integraliteit\") is not yet sufficiently secured."));
        }

        return new(Incentive.Quality, Direction.Up, reasons);
    }

    private static IncentiveResult Accessibility(Arrangement a)
    {
        var reasons = new List<Reason<I>>();
        Direction direction;
        if (!a.HasResults)
        {
            direction = Direction.Down;
            reasons.Add(new(I.ComplexClientsReferredOn,
                "A fixed budget makes it attractive to refer the more complex, relatively expensive clients to support under another " +
                "budget (\"afwenteling\"), and no results hold it back."));
        }
        else if (a.Scope == SupportScope.SingleProduct && !a.HasWholePopulationResults)
        {
            direction = Direction.Down;
            reasons.Add(new(I.AccessDependsOnPopulationDefinition,
                "How accessibility is affected depends on how the population is defined: as quality is only followed among clients " +
                $"receiving {a.Assignment}, accessibility risks declining for new clients."));
        }
        else
        {
            direction = Direction.Up;
            reasons.Add(new(I.ResponsibleForWholePopulation,
                $"Accessibility is high because the {a.Party} is responsible for the whole population (\"gehele populatie\")."));
            if (a.LowThresholdNeighbourhoodWork)
            {
                reasons.Add(new(I.LowThresholdNeighbourhoodWork, "It works low-threshold and neighbourhood-oriented (\"laagdrempelig en buurtgericht\")."));
            }
        }

        if (a.Scope == SupportScope.BasicSupportOnly)
        {
            reasons.Add(new(I.ReferralRisk,
                "As the teams only provide basic support (\"basisondersteuning\"), they risk referring (too) quickly to supplementary " +
                "care (\"afwenteling\")."));
            if (a.ReferralsMonitored)
            {
                reasons.Add(new(I.ReferralsMonitored, "That is why these referrals are followed closely (\"doorverwijzingen\")."));
            }
        }

        return new(Incentive.Accessibility, direction, reasons);
    }
}
