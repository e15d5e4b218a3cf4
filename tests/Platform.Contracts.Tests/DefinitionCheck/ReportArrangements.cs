namespace Platform.Contracts.Tests.DefinitionCheck;

using Platform.Contracts.Domain.DefinitionCheck;
using LegalForm = Platform.Contracts.Domain.LegalForm;

/// <summary>
/// The arrangements of the report on population funding ("De rol van populatiebekostiging in het sociaal domein"),
/// entered as its chapter 3 table and appendix A describe them. Where the report leaves a fact open, the comment says so.
/// </summary>
internal static class ReportArrangements
{
    private static AgreedResult Outcome(string name, ResultScope scope) => new(name, ResultKind.Outcome, scope);

    private static AgreedResult Process(string name, ResultScope scope) => new(name, ResultKind.Process, scope);

    /// <summary>
    /// Utrecht's neighbourhood teams: a four-year subsidy, one fixed sum per neighbourhood (18) from the expected effort
    /// of the teams, set on characteristics of the population; the teams clarify questions and give light support.
    /// </summary>
    public static Arrangement Utrecht { get; } = new()
    {
        Name = "Buurtteams Utrecht",
        LegalForm = LegalForm.Subsidy,
        BudgetForm = BudgetForm.LumpSum,
        Population = PopulationDelimitation.AreaAndTargetGroup, // 18 buurten; team sociaal 18+, team jeugd 18-
        BudgetBasis = BudgetBasis.PopulationCharacteristics,
        Scope = SupportScope.BasicSupportOnly,
        Assignment = "basic support (\"basisondersteuning\")",
        Access = Access.Provider,

        // Appendix A's list. The report: client experience is the only outcome steered on, the rest is process.
        Results =
        [
            Process("Wachttijd (max. 5 dagen)", ResultScope.SupportedClients),
            Process("In- en uitstroom", ResultScope.SupportedClients),
            Process("Doorverwijzingen naar aanvullende zorg", ResultScope.SupportedClients),
            Outcome("Klanttevredenheid", ResultScope.SupportedClients),
            Process("Doelbereik", ResultScope.SupportedClients),
        ],
        ReportsOnResults = true, // quarterly report on results
        AreasOrProvidersToCompare = 18,
        ReferralsMonitored = true,
    };

    /// <summary>
    /// Alphen aan den Rijn's "Tom in de buurt": a partnership, one lump sum for the municipality set from Vektis
    /// figures and the meicirculaire less an efficiency discount, a broad assignment with access, ten KPIs.
    /// </summary>
    public static Arrangement Alphen { get; } = new()
    {
        Name = "Tom in de buurt, Alphen aan den Rijn",
        LegalForm = LegalForm.Partnership,
        BudgetForm = BudgetForm.LumpSum,
        Population = PopulationDelimitation.AreaAndTargetGroup, // municipality border; social participation
        BudgetBasis = BudgetBasis.StateAllocation,
        EfficiencyDiscount = true,
        AreaDataShared = true,
        BaselineMeasured = true,
        Scope = SupportScope.BroadIncludingSpecialist,
        Assignment = "social participation in the Wmo (\"meedoen\")",
        Access = Access.Provider,

        // The ten KPI topics. Self-reliance and participation have a baseline for the whole population per area.
        Results =
        [
            Outcome("Zelfredzaamheid eigen regie", ResultScope.WholePopulation),
            Outcome("Terugval", ResultScope.SupportedClients),
            Outcome("Sociale participatie", ResultScope.WholePopulation),
            Process("Gebruik algemeen toegankelijke en specialistische voorzieningen", ResultScope.WholePopulation),
            Process("Burgerinitiatief", ResultScope.WholePopulation),
            Process("Beschikbaarheid en bereikbaarheid passende ondersteuning", ResultScope.WholePopulation),
            Process("Uitvoering van de tegenprestatie", ResultScope.SupportedClients),
            Process("Social return on investment", ResultScope.SupportedClients),
            Outcome("Klanttevredenheid", ResultScope.SupportedClients),
            Outcome("Klanttevredenheid stakeholders", ResultScope.SupportedClients),
        ],
        ReportsOnResults = true, // quarterly KPI report
        ResultsCheckedBy = ResultsCheck.Auditor, // annual report with an accountant's statement
        AreasOrProvidersToCompare = 1, // one party for the whole municipality
        LowThresholdNeighbourhoodWork = true,
    };

    /// <summary>
    /// Emmen's domestic help: a contract per area (6 areas, 4 providers), the state budget divided by the expected
    /// number of clients from historic use; the provider organises access itself; two results.
    /// </summary>
    public static Arrangement Emmen { get; } = new()
    {
        Name = "Huishoudelijke hulp Emmen",
        LegalForm = LegalForm.Agreement,
        BudgetForm = BudgetForm.LumpSum,
        Population = PopulationDelimitation.AreaAndTargetGroup, // 6 areas; domestic help
        BudgetBasis = BudgetBasis.ExpectedClients,
        Scope = SupportScope.SingleProduct,
        Assignment = "domestic help (\"hulp bij het huishouden\")",
        Access = Access.Provider,
        Results =
        [
            Outcome("Schoon en leefbaar huis", ResultScope.SupportedClients),
            Outcome("Cliënttevredenheid (minimaal 7)", ResultScope.SupportedClients),
        ],
        ReportsOnResults = true, // quarterly report on results
        ResultsCheckedBy = ResultsCheck.IndependentResearch, // half-yearly home visits by an independent party
        AreasOrProvidersToCompare = 6,
    };

    /// <summary>
    /// Venlo: the Wmo budget split into district budgets, held by a core team of the municipality per district that
    /// hires the executing teams. The report gives no budget basis; results are measured per district.
    /// </summary>
    public static Arrangement Venlo { get; } = new()
    {
        Name = "Wijkgerichte aanpak Venlo",
        LegalForm = LegalForm.MunicipalityRun,
        BudgetForm = BudgetForm.LumpSum,
        Population = PopulationDelimitation.Area,
        BudgetBasis = BudgetBasis.NotStated,
        Scope = SupportScope.BroadIncludingSpecialist, // family coaches, domestic help, individual support
        Assignment = "Wmo support per district",
        Access = Access.Municipality,
        Results = [Outcome("Wijkresultaten", ResultScope.WholePopulation)],
        ReportsOnResults = true,
        AreasOrProvidersToCompare = 2, // several districts; their number is not given
    };

    /// <summary>
    /// Rotterdam: the municipality's own district teams set the results with the citizen; a budget per citizen's
    /// package of results; the citizen goes to a provider under a framework agreement; sample checks.
    /// </summary>
    public static Arrangement Rotterdam { get; } = new()
    {
        Name = "Pay for performance Rotterdam",
        LegalForm = LegalForm.Framework,
        BudgetForm = BudgetForm.PerClientResultPackage,
        Population = PopulationDelimitation.Area, // a population-oriented model with district teams
        BudgetBasis = BudgetBasis.ClientResultPackage,
        Scope = SupportScope.BroadIncludingSpecialist,
        Assignment = "Wmo support by result package",
        Access = Access.Municipality,
        Results = [Outcome("Resultaten per burger", ResultScope.SupportedClients)],
        ReportsOnResults = true, // sample checks at providers
        AreasOrProvidersToCompare = 2,
    };
}
