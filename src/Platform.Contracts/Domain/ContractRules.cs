using System.Text.RegularExpressions;
using Platform.Hosting.Results;

namespace Platform.Contracts.Domain;

/// <summary>The rules a contract's terms obey, each broken rule a violation of the field it concerns.</summary>
internal static partial class ContractRules
{
    public const string ContractingParty = "contracting-party";
    public static readonly IReadOnlyList<string> PartyRoles = [ContractingParty, "main-contractor", "subcontractor"];
    public static readonly IReadOnlyList<string> KnownLaws = ["wmo", "jeugdwet", "participatiewet", "zvw", "wlz"];

    /// <summary>The last day notice can be given for the term ending on <paramref name="end"/>.</summary>
    public static DateOnly NoticeDeadline(DateOnly end, int noticeMonths) => end.AddMonths(-noticeMonths);

    /// <summary>Every violation of the terms; empty when they are valid.</summary>
    public static IReadOnlyList<FieldViolation> Validate(ContractTerms t)
    {
        var v = new List<FieldViolation>();
        void Fail(string field, string description) => v.Add(new FieldViolation(field, description));

        if (string.IsNullOrWhiteSpace(t.Name) || t.Name.Length > 200)
        {
            Fail("name", "Required, at most 200 characters.");
        }
        else if (FreeText.ContainsBsnLikeNumber(t.Name))
        {
            Fail("name", "Contains what may be a BSN; a contract never names a client.");
        }

        if (t.Notes is { } notes && (notes.Length > 4000 || FreeText.ContainsBsnLikeNumber(notes)))
        {
            Fail("notes", "At most 4,000 characters and never a BSN or other nine-digit number passing the eleven test.");
        }

        if (!LegalForm.All.Contains(t.LegalForm))
        {
            Fail("legalForm", Vocabulary.OneOf(LegalForm.All));
        }
        else if (t.HasMalus && !LegalForm.AllowsMalus(t.LegalForm))
        {
            Fail("hasMalus", $"A {t.LegalForm} cannot impose a malus or claw-back for missed results.");
        }

        ValidateParties(t, Fail);
        ValidateTerm(t, Fail);
        ValidateScope(t, Fail);
        ObligationRules.Validate(t.Obligations ?? Obligations.None, Fail);
        ResultAgreementRules.Validate(t.ResultAgreements ?? [], t.LegalForm, Fail);
        return v;
    }

    private static void ValidateParties(ContractTerms t, Action<string, string> fail)
    {
        var parties = t.Parties ?? [];
        if (t.LegalForm != LegalForm.MunicipalityRun && parties.Count(p => p.Role == ContractingParty) != 1)
        {
            fail("parties", "Exactly one contracting party: payments go to it alone.");
        }
        else if (parties.Any(p => string.IsNullOrWhiteSpace(p.ProviderId) || string.IsNullOrWhiteSpace(p.Name) || !PartyRoles.Contains(p.Role)))
        {
            fail("parties", $"Each party has a provider id, a name and a role ({string.Join(", ", PartyRoles)}).");
        }
        else if (parties.Select(p => p.ProviderId).Distinct(StringComparer.Ordinal).Count() != parties.Count)
        {
            fail("parties", "A provider is a party once.");
        }
    }

    private static void ValidateTerm(ContractTerms t, Action<string, string> fail)
    {
        if (t.End <= t.Start)
        {
            fail("end", "After the start.");
        }

        if ((t.EvaluationDates ?? []).Any(d => d <= t.Start || d > t.End))
        {
            fail("evaluationDates", "Within the term.");
        }

        if (t.ExtensionOptions is < 0 or > 10)
        {
            fail("extensionOptions", "Between 0 and 10.");
        }

        if (t.ExtensionOptions > 0 && t.ExtensionMonths is < 1 or > 120)
        {
            fail("extensionMonths", "Between 1 and 120 months when the contract has extension options.");
        }

        if (t.NoticeMonths is < 0 or > 24 || (t.End > t.Start && NoticeDeadline(t.End, t.NoticeMonths) < t.Start))
        {
            fail("noticeMonths", "Between 0 and 24 months, and the deadline within the term.");
        }
    }

    private static void ValidateScope(ContractTerms t, Action<string, string> fail)
    {
        var populations = t.Populations ?? [];
        if (populations.Count > 100 || populations.Distinct().Count() != populations.Count || populations.Contains(Guid.Empty))
        {
            fail("populations", "At most 100 populations, each once.");
        }

        if ((t.Laws ?? []).Any(l => !KnownLaws.Contains(l)))
        {
            fail("laws", $"Each one of {string.Join(", ", KnownLaws)}.");
        }

        foreach (var (careForm, i) in (t.CareForms ?? []).Select((c, i) => (c, i)))
        {
            if (string.IsNullOrWhiteSpace(careForm) || careForm.Length > 100)
            {
                fail($"careForms[{i}]", "A care form is 1 to 100 characters.");
            }
        }

        if (t.Access is { } access)
        {
            if (!Vocabulary.AccessOrganisers.Contains(access.OrganisedBy))
            {
                fail("access.organisedBy", Vocabulary.OneOf(Vocabulary.AccessOrganisers));
            }

            if (access.Description is { } d && (d.Length > 2000 || FreeText.ContainsBsnLikeNumber(d)))
            {
                fail("access.description", "At most 2,000 characters, never a BSN.");
            }
        }
    }

    /// <summary>An indicator code of the outcomes catalogue: lowercase words joined by hyphens.</summary>
    public static bool IsIndicatorCode(string? code) => code is { Length: > 0 and <= 100 } && IndicatorCode().IsMatch(code);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IndicatorCode();
}
