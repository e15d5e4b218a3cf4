namespace Platform.Referrals.Reports;

/// <summary>
/// One unit in one period: the figures behind the monitoring charts. Rates are per 1,000 inhabitants of the
/// unit as of the period (unknown without CBS figures) or per active client; waiting times are in days from
/// referral to start, by nearest rank, over the referrals of the period that started.
/// <c>Referrals</c> counts the period's referrals (to the requested destination, if one was asked for);
/// <c>CostShifting</c> those to specialist youth care, the Wlz, the Zvw, debt help or another municipal domain;
/// <c>PersonalBudget</c> those to a PGB. <c>RateYearEarlier</c> is the rate of the same period a year earlier (the
/// seasonal baseline), <c>RateTrailingFourQuarters</c> the rate over the four quarters before the period's quarter,
/// scaled to the period's length.
/// </summary>
internal sealed record FigureRow(
    string UnitKind,
    string UnitId,
    string UnitName,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    long Referrals,
    long? Inhabitants,
    double? RatePerThousand,
    long ActiveClients,
    double? RatePerActiveClient,
    long CostShifting,
    long PersonalBudget,
    double? PersonalBudgetRatePerThousand,
    int Started,
    int? WaitingMedianDays,
    int? WaitingP90Days,
    double? RateYearEarlier,
    double? RateTrailingFourQuarters,
    IReadOnlyDictionary<string, long> ByDestination);
