using Platform.Contracts.Domain;

namespace Platform.Contracts.Demo;

/// <summary>A demo contract: the municipality, which of its populations (by name pattern) it answers for, its terms.</summary>
internal sealed record DemoContract(string Municipality, string PopulationNamePattern, ContractTerms Terms);

/// <summary>
/// The Rijnstreek model of the seed report: each of the three demo municipalities its own lump-sum contract with
/// the consortium Tom in de buurt (four main and four subcontractors), for four years with one extension of two,
/// evaluated after two. The norms are demonstration values: the seeds name Tom's indicators, not their norms.
/// </summary>
internal static class DemoContracts
{
    public const string ContractingProvider = "tom-in-de-buurt";

    // A getter, not an initializer: the consortium below must exist before the terms name it.
    public static IReadOnlyList<DemoContract> All =>
    [
        new("GM0484", "Alphen aan den Rijn, Wmo 18+%", Terms("Tom in de buurt, Alphen aan den Rijn 2024-2027")),
        new("GM1884", "Sociaal team % 18+", Terms("Tom in de buurt, Kaag en Braassem 2024-2027")),
        new("GM0569", "Gebied %", Terms("Tom in de buurt, Nieuwkoop 2024-2027")),
    ];

    private static readonly ContractParty[] Consortium =
    [
        new(ContractingProvider, "Coöperatie Tom in de buurt", ContractRules.ContractingParty),
        new("gemiva", "Gemiva-SVG Groep", "main-contractor"),
        new("kwadraad", "Kwadraad", "main-contractor"),
        new("kwintes", "Kwintes", "main-contractor"),
        new("participe", "Participe", "main-contractor"),
        new("activite", "Activite", "subcontractor"),
        new("de-binnenvest", "De Binnenvest", "subcontractor"),
        new("ipse-de-bruggen", "Ipse de Bruggen", "subcontractor"),
        new("wijdezorg", "Wijdezorg", "subcontractor"),
    ];

    private static ContractTerms Terms(string name) => new(
        name,
        LegalForm.Partnership,
        Consortium,
        new DateOnly(2024, 1, 1),
        new DateOnly(2027, 12, 31),
        [new DateOnly(2025, 12, 31)],
        ExtensionOptions: 1,
        ExtensionMonths: 24,
        NoticeMonths: 6,
        Populations: [],
        ["wmo", "participatiewet"],
        HasMalus: false,
        Notes: "One lump sum per year; 95% in monthly instalments, 5% after the auditor's statement that the agreements were met.",
        CareForms: ["begeleiding individueel", "begeleiding groep", "kortdurend verblijf", "vervoer naar ondersteuning", "inloop GGZ", "welzijn"],
        Access: new AccessArrangement("provider", "Tom handles access in the municipality's areas of integral access and decides what support is needed."),
        Obligations: new Obligations(
            DutyToAccept: true,
            WaitingTimeNorm: null,
            SocialReturnPercent: null,
            EscalationRoute: "Procedural agreements in the contract: a plan of approach agreed with the contract manager, then the steering group.",
            [
                new ReportingDuty("KPI report on the result agreements", "quarterly", 30, "contract manager", Confidential: false),
                new ReportingDuty("Indicator report per district with its story", "half-yearly", 60, "contract manager", Confidential: false),
                new ReportingDuty("Annual report with accountant's statement", "yearly", 120, "contract manager", Confidential: false),
            ]),
        ResultAgreements:
        [
            new(null, "zrm-improved-or-stable", 1, "at-least", 0.6m, "year", "none", null),
            new(null, "ladder-more-active-or-stable", 1, "at-least", 0.5m, "year", "none", null),
            new(null, "reopened-dossiers", 1, "at-most", 0.1m, "year", "none", null),
            new(null, "client-satisfaction", 1, "at-least", 7m, "year", "none", null),
            new(null, "stakeholder-satisfaction", 1, "at-least", 7m, "year", "none", null),
        ]);
}
