using Platform.Referrals.Domain.Intake;

namespace Platform.Referrals.Domain.Signals;

/// <summary>What a signal ("signaal") warns of.</summary>
public enum SignalKind
{
    /// <summary>
    /// Cost shifting ("afwenteling"): referrals to care paid from another budget, specialist youth care, the Wlz,
    /// the Zvw or another municipal domain such as debt help.
    /// </summary>
    CostShifting = 1,

    /// <summary>Outflow to a personal budget ("uitstroom naar PGB"): a sign that the offer falls short.</summary>
    PersonalBudgetOutflow = 2,

    /// <summary>
    /// Waiting time ("wachttijd"): the count is the clients who waited longer than the agreed norm, the
    /// denominator those who started, so the same Poisson comparison applies.
    /// </summary>
    WaitingTime = 3,
}

/// <summary>What is compared: an area, a population or a provider.</summary>
public enum UnitKind
{
    /// <summary>A CBS area ("gebied"): neighbourhood, district or municipality.</summary>
    Area = 1,

    /// <summary>A delimited population of a contract ("populatie").</summary>
    Population = 2,

    /// <summary>A provider ("aanbieder"), or a consortium as main contractor.</summary>
    Provider = 3,
}

public sealed record MonitoredUnit(UnitKind Kind, string Id)
{
    public override string ToString() => $"{Kind}:{Id}";
}

public static class SignalKinds
{
    /// <summary>The signal a referral to this destination counts towards, or null when it counts towards none.</summary>
    public static SignalKind? ForDestination(DestinationType destination) => destination switch
    {
        DestinationType.SpecialistYouthCare or DestinationType.LongTermCareAct or DestinationType.HealthInsuranceAct
            or DestinationType.OtherMunicipalDomain or DestinationType.DebtHelp => SignalKind.CostShifting,
        DestinationType.PersonalBudget => SignalKind.PersonalBudgetOutflow,
        _ => null,
    };

    /// <summary>An end with JZ588 code 39, outflow to another domain, is cost shifting too.</summary>
    public static SignalKind? ForEnding(EndReason reason) =>
        reason == EndReason.OutflowToOtherDomain ? SignalKind.CostShifting : null;
}
