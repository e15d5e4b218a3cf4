namespace Platform.Budgets.Domain;

/// <summary>A requested shift between two care categories of a lump sum ("vierkant"); it changes nothing until approved.</summary>
internal sealed record CategoryShift(string From, string To, decimal Amount, string RequestedBy);

/// <summary>
/// A lump sum divided over at most four care categories ("vierkant", Utrecht's supplementary care). Shifts are
/// requests; only an approval by another person than the requester changes the amounts, and no category goes below zero.
/// </summary>
internal sealed class CategoryBudget
{
    public const int MaxCategories = 4;

    private readonly Dictionary<string, decimal> amounts;

    private CategoryBudget(Dictionary<string, decimal> amounts) => this.amounts = amounts;

    public IReadOnlyDictionary<string, decimal> Amounts => amounts;

    public decimal Total => amounts.Values.Sum();

    public static (CategoryBudget? Budget, IReadOnlyList<string> Errors) Create(IReadOnlyDictionary<string, decimal> categories)
    {
        var errors = new List<string>();
        if (categories.Count is 0 or > MaxCategories)
        {
            errors.Add($"A lump sum has one to at most {MaxCategories} care categories; {categories.Count} given.");
        }

        errors.AddRange(categories.Where(c => c.Value < 0 || c.Value != Money.ToCents(c.Value)).Select(c => $"Category '{c.Key}' must be a non-negative amount in whole cents."));
        return errors.Count > 0 ? (null, errors) : (new CategoryBudget(new Dictionary<string, decimal>(categories, StringComparer.Ordinal)), []);
    }

    public IReadOnlyList<string> Validate(CategoryShift shift)
    {
        var errors = new List<string>();
        if (!amounts.ContainsKey(shift.From))
        {
            errors.Add($"Unknown category '{shift.From}'.");
        }

        if (!amounts.ContainsKey(shift.To))
        {
            errors.Add($"Unknown category '{shift.To}'.");
        }

        if (shift.From == shift.To)
        {
            errors.Add("A shift needs two different categories.");
        }

        if (shift.Amount <= 0 || shift.Amount != Money.ToCents(shift.Amount))
        {
            errors.Add("The amount must be positive whole cents.");
        }
        else if (amounts.TryGetValue(shift.From, out var from) && from - shift.Amount < 0)
        {
            errors.Add($"Category '{shift.From}' would go below zero.");
        }

        return errors;
    }

    /// <summary>Applies an approved shift. The approver must not be the requester.</summary>
    public IReadOnlyList<string> Approve(CategoryShift shift, string approvedBy)
    {
        var errors = Validate(shift).ToList();
        if (string.Equals(shift.RequestedBy, approvedBy, StringComparison.Ordinal))
        {
            errors.Add("Whoever requested a shift cannot approve it.");
        }

        if (errors.Count == 0)
        {
            amounts[shift.From] -= shift.Amount;
            amounts[shift.To] += shift.Amount;
        }

        return errors;
    }
}
