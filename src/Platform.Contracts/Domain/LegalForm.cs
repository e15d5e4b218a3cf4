namespace Platform.Contracts.Domain;

/// <summary>
/// The legal form of an arrangement, and what it allows. Under a subsidy the municipality cannot impose a malus
/// or claw back money for missed results; an agreement or partnership can.
/// </summary>
internal static class LegalForm
{
    public const string Subsidy = "subsidy";
    public const string Agreement = "agreement";
    public const string Partnership = "partnership";

    /// <summary>Care run by the municipality itself (the Venlo practice): no contracting party outside it.</summary>
    public const string MunicipalityRun = "municipality-run";

    /// <summary>A framework arrangement with results per client (the Rotterdam practice).</summary>
    public const string Framework = "framework";

    public static readonly IReadOnlyList<string> All = [Subsidy, Agreement, Partnership, MunicipalityRun, Framework];

    /// <summary>Whether a malus or claw-back clause for missed results may be agreed under this form.</summary>
    public static bool AllowsMalus(string form) => form is Agreement or Partnership or Framework;
}
