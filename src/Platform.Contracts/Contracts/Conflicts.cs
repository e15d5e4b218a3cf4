using Platform.Contracts.Data;
using Platform.Hosting.Results;

namespace Platform.Contracts.Contracts;

internal static class Conflicts
{
    /// <summary>A second party answering for a population already answered for: refused, naming the contract that does.</summary>
    public static Result<T> Of<T>(ResponsibilityConflict c) => Result<T>.InConflict(
        $"Contract '{c.ContractName}' ({c.ContractId}) already answers for population {c.PopulationId} from {c.From:yyyy-MM-dd} to {c.To:yyyy-MM-dd}; " +
        "two contracts cannot answer for the same population on the same day.");
}
