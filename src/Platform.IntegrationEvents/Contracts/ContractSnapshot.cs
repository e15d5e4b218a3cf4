namespace Platform.IntegrationEvents.Contracts;

/// <summary>
/// A contract as other services need it: who answers for which populations, over which term, and the result
/// agreements that outcomes measures and budgets settle on. Dates are inclusive; <see cref="EndsOn"/> is the end
/// of the current term (extensions taken included).
/// </summary>
/// <param name="ContractId">The contract's identifier.</param>
/// <param name="Municipality">CBS code of the contracting municipality, <c>GMnnnn</c>.</param>
/// <param name="Name">The contract as its readers know it, e.g. "Tom in de buurt 2024–2027".</param>
/// <param name="LegalForm"><c>subsidy</c>, <c>agreement</c>, <c>partnership</c>, <c>municipality-run</c> or <c>framework</c>.</param>
/// <param name="ContractingProviderId">The contracting party's provider id from the realm (payments go only to it).</param>
/// <param name="ConsortiumProviderIds">The other members of a consortium (sub-contractors), empty when it contracts alone.</param>
/// <param name="PopulationIds">The populations (from the populations service) the contract answers for.</param>
/// <param name="Laws">The laws in scope, e.g. <c>wmo</c>, <c>jeugdwet</c>.</param>
/// <param name="StartsOn">First day of the term.</param>
/// <param name="EndsOn">Last day of the current term.</param>
/// <param name="Status"><c>active</c>, <c>ended</c>.</param>
/// <param name="ResultAgreements">The result agreements in force.</param>
/// <param name="Version">The contract's version; each amendment raises it.</param>
public sealed record ContractSnapshot(
    Guid ContractId,
    string Municipality,
    string Name,
    string LegalForm,
    string ContractingProviderId,
    IReadOnlyList<string> ConsortiumProviderIds,
    IReadOnlyList<Guid> PopulationIds,
    IReadOnlyList<string> Laws,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string Status,
    IReadOnlyList<ResultAgreementSnapshot> ResultAgreements,
    int Version);

/// <summary>
/// One result agreement: an indicator from the outcomes catalogue, its norm, and what follows from meeting it.
/// </summary>
/// <param name="AgreementId">The agreement's identifier.</param>
/// <param name="IndicatorCode">The indicator's code in the outcomes catalogue, e.g. <c>zrm-improved-or-stable</c>.</param>
/// <param name="DefinitionVersion">The version of the indicator's definition the agreement was made on.</param>
/// <param name="Comparison">
/// How a result is held against <see cref="Norm"/>: <c>at-least</c> (≥), <c>more-than</c> (&gt;), <c>at-most</c> (≤)
/// or <c>less-than</c> (&lt;). Always explicit: the seeds word norms both ways.
/// </param>
/// <param name="Norm">The agreed value, in the indicator's unit (a share as a fraction 0–1, days, a count).</param>
/// <param name="Period"><c>quarter</c> or <c>year</c>: the period a result is computed over.</param>
/// <param name="Incentive"><c>none</c>, <c>bonus</c>, <c>malus</c> or <c>bonus-malus</c>.</param>
/// <param name="IncentiveAmount">The bonus or malus in euros, when <see cref="Incentive"/> is not <c>none</c>.</param>
public sealed record ResultAgreementSnapshot(
    Guid AgreementId,
    string IndicatorCode,
    int DefinitionVersion,
    string Comparison,
    decimal Norm,
    string Period,
    string Incentive,
    decimal? IncentiveAmount);
