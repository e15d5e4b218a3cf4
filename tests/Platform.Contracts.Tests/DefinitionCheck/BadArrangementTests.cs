namespace Platform.Contracts.Tests.DefinitionCheck;

using Platform.Contracts.Domain.DefinitionCheck;

/// <summary>Facts that cannot describe an arrangement are refused, never scored.</summary>
public sealed class BadArrangementTests
{
    public static TheoryData<string> Bad => ["unknown legal form", "no areas", "blank result", "undefined form", "bsn in name", "bsn in result", "blank name"];

    private static Arrangement Make(string bad) => bad switch
    {
        "unknown legal form" => ReportArrangements.Alphen with { LegalForm = "concession" },
        "no areas" => ReportArrangements.Alphen with { AreasOrProvidersToCompare = 0 },
        "blank result" => ReportArrangements.Alphen with { Results = [new AgreedResult(" ", ResultKind.Outcome, ResultScope.WholePopulation)] },
        "undefined form" => ReportArrangements.Alphen with { BudgetForm = (BudgetForm)42 },
        "bsn in name" => ReportArrangements.Alphen with { Name = "Arrangement 111222333" },
        "bsn in result" => ReportArrangements.Alphen with { Results = [new AgreedResult("Terugval 111222333", ResultKind.Outcome, ResultScope.WholePopulation)] },
        _ => ReportArrangements.Alphen with { Name = "" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void A_bad_arrangement_is_refused_by_both_checks(string bad)
    {
        Assert.ThrowsAny<ArgumentException>(() => DefinitionCheck.Evaluate(Make(bad)));
        Assert.ThrowsAny<ArgumentException>(() => IncentiveProfile.Evaluate(Make(bad)));
    }
}
