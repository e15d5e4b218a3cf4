namespace Platform.Populations.Domain;

/// <summary>
/// Checks a submitted population field by field, so the caller learns every problem at once, and turns
/// a valid one into the domain's terms. Areas must lie in the caller's own municipality.
/// </summary>
public static class PopulationValidation
{
    public const int MaxNameLength = 200;
    public const int MaxAreas = 5000;

    public static IDictionary<string, string[]> Validate(PopulationChange change, string municipality, out ValidPopulation? valid)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) =>
            errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        var name = change.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            Fail("name", "A name is required.");
        }
        else if (name.Length > MaxNameLength)
        {
            Fail("name", $"At most {MaxNameLength} characters.");
        }

        var areas = new List<AreaCode>();
        if (change.Areas is not { Count: > 0 })
        {
            Fail("areas", "At least one area is required: a municipality, district or neighbourhood code.");
        }
        else if (change.Areas.Count > MaxAreas)
        {
            Fail("areas", $"At most {MaxAreas} areas.");
        }
        else
        {
            for (var i = 0; i < change.Areas.Count; i++)
            {
                if (!AreaCode.TryParse(change.Areas[i], out var code, out var error))
                {
                    Fail($"areas[{i}]", error!);
                }
                else if (code.Municipality != municipality)
                {
                    Fail($"areas[{i}]", $"{code} lies in {code.Municipality}, not in your municipality {municipality}.");
                }
                else if (!areas.Contains(code))
                {
                    areas.Add(code);
                }
            }
        }

        var ages = new AgeRange(change.AgeFrom ?? 0, change.AgeTo);
        if (!ages.IsValid(out var ageError))
        {
            Fail(change.AgeFrom is < 0 or > AgeRange.MaximumAge ? "ageFrom" : "ageTo", ageError!);
        }

        var laws = new HashSet<Law>();
        if (change.Laws is not { Count: > 0 })
        {
            Fail("laws", "At least one law is required: Wmo, Jeugdwet or Participatiewet.");
        }
        else
        {
            for (var i = 0; i < change.Laws.Count; i++)
            {
                if (Enum.TryParse<Law>(change.Laws[i], ignoreCase: true, out var law) && Enum.IsDefined(law))
                {
                    laws.Add(law);
                }
                else
                {
                    Fail($"laws[{i}]", $"'{change.Laws[i]}' is not a law of the social domain: Wmo, Jeugdwet or Participatiewet.");
                }
            }
        }

        var careForms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (careForm, i) in (change.CareForms ?? []).Select((c, i) => (c?.Trim(), i)))
        {
            if (string.IsNullOrEmpty(careForm) || careForm.Length > 100)
            {
                Fail($"careForms[{i}]", "A care form is 1 to 100 characters.");
            }
            else
            {
                careForms.Add(careForm);
            }
        }

        var diagnosis = string.IsNullOrWhiteSpace(change.DiagnosisGroup) ? null : change.DiagnosisGroup.Trim();
        if (diagnosis is { Length: > 100 })
        {
            Fail("diagnosisGroup", "At most 100 characters.");
        }

        Period? validity = null;
        if (change.ValidFrom is not { } from)
        {
            Fail("validFrom", "The first day the population is valid is required.");
        }
        else
        {
            validity = new Period(from, change.ValidTo);
            if (!validity.IsValid(out var periodError))
            {
                Fail("validTo", periodError!);
            }
        }

        valid = errors.Count == 0
            ? new ValidPopulation(name!, areas, new TargetGroup(ages, laws, careForms, diagnosis), validity!)
            : null;
        return errors;
    }
}

/// <summary>A submitted population that passed validation.</summary>
public sealed record ValidPopulation(string Name, IReadOnlyList<AreaCode> Areas, TargetGroup TargetGroup, Period Validity);
