using Platform.Contracts.Data;
using Platform.Contracts.Domain;
using Platform.Hosting.Results;
using Platform.Persistence.Sessions;

namespace Platform.Contracts.Contracts;

/// <summary>
/// A contract's populations must be ones the populations service told of for the caller's municipality (row-level
/// security hides the others), and not retired.
/// </summary>
internal static class ScopeCheck
{
    public static async Task<IReadOnlyList<FieldViolation>> ViolationsAsync(DbSession s, ContractTerms terms, CancellationToken ct)
    {
        var known = (await PopulationReadModel.FindAsync(s, terms.Populations, ct)).ToDictionary(p => p.Id);
        var violations = new List<FieldViolation>();
        foreach (var (id, i) in terms.Populations.Select((id, i) => (id, i)))
        {
            if (!known.TryGetValue(id, out var population))
            {
                violations.Add(new($"populations[{i}]", $"No population {id} of this municipality is known."));
            }
            else if (population.Status == "retired")
            {
                violations.Add(new($"populations[{i}]", $"Population '{population.Name}' is retired; no contract may name it."));
            }
        }

        return violations;
    }

    /// <summary>Why the contract cannot come into force with its populations, or null: each must be active.</summary>
    public static async Task<string?> InactivePopulationAsync(DbSession s, ContractTerms terms, CancellationToken ct)
    {
        var inactive = (await PopulationReadModel.FindAsync(s, terms.Populations, ct)).FirstOrDefault(p => p.Status != "active");
        return inactive is null ? null : $"Population '{inactive.Name}' is {inactive.Status}, not active; a contract answers only for active populations.";
    }
}
