using System.Text.Json;
using Platform.Portal.Components.Parts;
using Platform.Portal.Services;
using Platform.Security;

namespace Platform.Portal.Screens.Budgets;

/// <summary>The budgets service's codes as the screens name them in Dutch, and who may act on a budget.</summary>
internal static class BudgetTerms
{
    public static string Status(string? status) => status switch
    {
        "proposed" => "voorgesteld",
        "adopted" => "vastgesteld",
        "superseded" => "vervangen",
        "requested" => "aangevraagd",
        "approved" => "goedgekeurd",
        "rejected" => "afgewezen",
        _ => status ?? "–",
    };

    public static string Model(string? model) => model switch
    {
        "weighted-characteristics" => "gewogen kenmerken",
        "expected-clients" => "verwachte cliënten",
        "starting-budget" => "startbudget min efficiencykorting",
        "fixed-sum" => "vast bedrag",
        _ => model ?? "–",
    };

    public static string Indexation(string? method) => method switch
    {
        "none" => "geen (vast bedrag)",
        "compounded" => "samengesteld",
        "additive" => "opgeteld (VNG)",
        _ => method ?? "–",
    };

    public static string LegalForm(string? form) => form switch
    {
        "subsidy" => "subsidie",
        "agreement" => "overeenkomst",
        "partnership" => "samenwerkingsovereenkomst",
        _ => form ?? "–",
    };

    public static string SettlementLine(string? kind) => kind switch
    {
        "budget" => "budget",
        "paid" or "instalments" => "betaalde termijnen",
        "holdback" => "inhouding",
        "bonus" => "bonus",
        "malus" => "malus",
        "bonus-malus" => "bonus of malus",
        "shared-savings" => "gedeelde besparing",
        _ => kind ?? "–",
    };

    /// <summary>Policy advisors and controllers prepare and decide; the service refuses whoever proposed or requested.</summary>
    public static bool MayPrepareOrDecide(PortalUser user) => user.HasRole(PlatformRoles.PolicyAdvisor, PlatformRoles.Controller);

    /// <summary>A JSON number as a euro amount, or a dash.</summary>
    public static string Euro(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? Dutch.Euro(value.GetDecimal()) : "–";

    public static string Euro(JsonElement row, string property) => Euro(Column.Read(row, property));
}
