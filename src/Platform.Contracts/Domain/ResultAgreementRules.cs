namespace Platform.Contracts.Domain;

internal static class ResultAgreementRules
{
    /// <summary>Procurement advice is four to seven indicators per contract; far more is no longer steering.</summary>
    public const int MaxAgreements = 20;

    public static void Validate(IReadOnlyList<ResultAgreement> agreements, string legalForm, Action<string, string> fail)
    {
        if (agreements.Count > MaxAgreements)
        {
            fail("resultAgreements", $"At most {MaxAgreements} result agreements.");
        }

        foreach (var (a, i) in agreements.Select((a, i) => (a, i)))
        {
            var at = $"resultAgreements[{i}]";
            if (!ContractRules.IsIndicatorCode(a.IndicatorCode))
            {
                fail($"{at}.indicatorCode", "An indicator code of the outcomes catalogue, e.g. zrm-improved-or-stable.");
            }

            if (a.DefinitionVersion < 1)
            {
                fail($"{at}.definitionVersion", "The indicator definition's version, 1 or higher.");
            }

            if (!Vocabulary.Comparisons.Contains(a.Comparison))
            {
                fail($"{at}.comparison", Vocabulary.OneOf(Vocabulary.Comparisons));
            }

            if (a.Norm < 0)
            {
                fail($"{at}.norm", "Zero or more, in the indicator's unit (a share as a fraction 0 to 1).");
            }

            if (!Vocabulary.Periods.Contains(a.Period))
            {
                fail($"{at}.period", Vocabulary.OneOf(Vocabulary.Periods));
            }

            ValidateIncentive(a, at, legalForm, fail);
        }

        if (agreements.GroupBy(a => (a.IndicatorCode, a.Period)).Any(g => g.Count() > 1))
        {
            fail("resultAgreements", "One agreement per indicator and period.");
        }

        if (agreements.Where(a => a.AgreementId is not null).GroupBy(a => a.AgreementId).Any(g => g.Count() > 1))
        {
            fail("resultAgreements", "Each agreement id once.");
        }
    }

    private static void ValidateIncentive(ResultAgreement a, string at, string legalForm, Action<string, string> fail)
    {
        if (!Vocabulary.Incentives.Contains(a.Incentive))
        {
            fail($"{at}.incentive", Vocabulary.OneOf(Vocabulary.Incentives));
            return;
        }

        if (Vocabulary.IsMalus(a.Incentive) && LegalForm.All.Contains(legalForm) && !LegalForm.AllowsMalus(legalForm))
        {
            fail($"{at}.incentive", $"A {legalForm} cannot impose a malus for a missed result; only a bonus or none.");
        }

        if (a.Incentive == "none" ? a.IncentiveAmount is not null : a.IncentiveAmount is not > 0)
        {
            fail($"{at}.incentiveAmount", "An amount in euros above zero with a bonus or malus, none without.");
        }
    }
}
