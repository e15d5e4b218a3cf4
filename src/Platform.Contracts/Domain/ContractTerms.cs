namespace Platform.Contracts.Domain;

/// <summary>A party to the contract: the contracting party, or a main or subcontractor of its consortium.</summary>
internal sealed record ContractParty(string ProviderId, string Name, string Role);

/// <summary>
/// A contract's terms as its contract manager enters them. The term runs from <see cref="Start"/> to
/// <see cref="End"/>; it may be extended <see cref="ExtensionOptions"/> times by <see cref="ExtensionMonths"/>
/// months each; notice must be given <see cref="NoticeMonths"/> months before the (current) end.
/// </summary>
internal sealed record ContractTerms(
    string Name,
    string LegalForm,
    IReadOnlyList<ContractParty> Parties,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<DateOnly> EvaluationDates,
    int ExtensionOptions,
    int ExtensionMonths,
    int NoticeMonths,
    IReadOnlyList<Guid> Populations,
    IReadOnlyList<string> Laws,
    bool HasMalus,
    string? Notes);

internal static class ContractRules
{
    public static readonly IReadOnlyList<string> PartyRoles = ["contracting-party", "main-contractor", "subcontractor"];
    public static readonly IReadOnlyList<string> KnownLaws = ["wmo", "jeugdwet", "participatiewet", "zvw", "wlz"];

    /// <summary>The last day notice can be given for the term ending on <paramref name="end"/>.</summary>
    public static DateOnly NoticeDeadline(DateOnly end, int noticeMonths) => end.AddMonths(-noticeMonths);

    /// <summary>Field errors of a contract's terms; empty when they are valid.</summary>
    public static Dictionary<string, string[]> Validate(ContractTerms t)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(t.Name) || t.Name.Length > 200)
        {
            errors["name"] = ["Required, at most 200 characters."];
        }
        else if (FreeText.ContainsBsnLikeNumber(t.Name))
        {
            errors["name"] = ["Contains what may be a BSN; a contract never names a client."];
        }

        if (t.Notes is { } notes && (notes.Length > 4000 || FreeText.ContainsBsnLikeNumber(notes)))
        {
            errors["notes"] = ["At most 4,000 characters and never a BSN or other nine-digit number passing the eleven test."];
        }

        if (!LegalForm.All.Contains(t.LegalForm))
        {
            errors["legalForm"] = [$"One of {string.Join(", ", LegalForm.All)}."];
        }
        else if (t.HasMalus && !LegalForm.AllowsMalus(t.LegalForm))
        {
            errors["hasMalus"] = [$"A {t.LegalForm} cannot impose a malus or claw-back for missed results."];
        }

        var parties = t.Parties ?? [];
        if (t.LegalForm != LegalForm.MunicipalityRun && parties.Count(p => p.Role == "contracting-party") != 1)
        {
            errors["parties"] = ["Exactly one contracting party: payments go to it alone."];
        }
        else if (parties.Any(p => string.IsNullOrWhiteSpace(p.ProviderId) || string.IsNullOrWhiteSpace(p.Name) || !PartyRoles.Contains(p.Role)))
        {
            errors["parties"] = [$"Each party has a provider id, a name and a role ({string.Join(", ", PartyRoles)})."];
        }
        else if (parties.Select(p => p.ProviderId).Distinct(StringComparer.Ordinal).Count() != parties.Count)
        {
            errors["parties"] = ["A provider is a party once."];
        }

        if (t.End <= t.Start)
        {
            errors["end"] = ["After the start."];
        }

        if ((t.EvaluationDates ?? []).Any(d => d <= t.Start || d > t.End))
        {
            errors["evaluationDates"] = ["Within the term."];
        }

        if (t.ExtensionOptions is < 0 or > 10)
        {
            errors["extensionOptions"] = ["Between 0 and 10."];
        }

        if (t.ExtensionOptions > 0 && t.ExtensionMonths is < 1 or > 120)
        {
            errors["extensionMonths"] = ["Between 1 and 120 months when the contract has extension options."];
        }

        if (t.NoticeMonths is < 0 or > 24 || (t.End > t.Start && NoticeDeadline(t.End, t.NoticeMonths) < t.Start))
        {
            errors["noticeMonths"] = ["Between 0 and 24 months, and the deadline within the term."];
        }

        if ((t.Laws ?? []).Any(l => !KnownLaws.Contains(l)))
        {
            errors["laws"] = [$"Each one of {string.Join(", ", KnownLaws)}."];
        }

        return errors;
    }
}

/// <summary>Free text never carries a citizen service number: nine digits passing the eleven test are refused.</summary>
internal static class FreeText
{
    public static bool ContainsBsnLikeNumber(string text)
    {
        var digits = new List<int>();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                digits.Add(text[i] - '0');
                continue;
            }

            if (digits.Count is 8 or 9 && PassesElevenTest(digits))
            {
                return true;
            }

            digits.Clear();
        }

        return false;
    }

    private static bool PassesElevenTest(List<int> digits)
    {
        var nine = digits.Count == 8 ? digits.Prepend(0).ToList() : digits;
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += nine[i] * (9 - i);
        }

        sum -= nine[8];
        return sum % 11 == 0 && nine.Any(d => d != 0);
    }
}
