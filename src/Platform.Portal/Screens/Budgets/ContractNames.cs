using System.Text.Json;
using Platform.Portal.Components.Parts;
using Platform.Portal.Services;

namespace Platform.Portal.Screens.Budgets;

/// <summary>
/// Contract names by id from the contracts service, as the signed-in user sees them. A budget names its contract by id
/// only; where the contracts cannot be read the id is shown.
/// </summary>
internal static class ContractNames
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(GatewayClient gateway)
    {
        var answer = await gateway.GetAsync("/api/contracts/contracts");
        return answer.Succeeded && answer.Body.ValueKind == JsonValueKind.Array
            ? answer.Body.EnumerateArray().ToDictionary(c => Column.Read(c, "id").GetString() ?? "", c => Column.Read(c, "name").GetString() ?? "")
            : new Dictionary<string, string>();
    }

    public static string Of(IReadOnlyDictionary<string, string> names, string? id) =>
        id is not null && names.TryGetValue(id, out var name) ? name : id ?? "–";
}
