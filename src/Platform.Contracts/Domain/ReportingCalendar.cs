namespace Platform.Contracts.Domain;

/// <summary>One report due: what, the period it covers (cut to the term), when, to whom.</summary>
internal sealed record ReportDue(string What, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, string Recipient, bool Confidential);

/// <summary>
/// The reports a contract's schedule makes due. Periods follow the calendar year (a quarter starts in January,
/// April, July or October), cut to the contract's term; each is due its duty's days after the period ends.
/// </summary>
internal static class ReportingCalendar
{
    public static IReadOnlyList<ReportDue> Due(StoredContract contract, DateOnly from, DateOnly to)
    {
        var due = new List<ReportDue>();
        var (start, last) = (contract.Terms.Start, contract.LastDay);
        foreach (var duty in contract.Terms.Obligations?.ReportingSchedule ?? [])
        {
            var months = Vocabulary.MonthsOf(duty.Rhythm);
            var period = new DateOnly(start.Year, 1, 1);
            while (period.AddMonths(months).AddDays(-1) < start)
            {
                period = period.AddMonths(months);
            }

            for (; period <= last; period = period.AddMonths(months))
            {
                var end = period.AddMonths(months).AddDays(-1);
                var dueOn = (end < last ? end : last).AddDays(duty.DueDays);
                if (dueOn >= from && dueOn <= to)
                {
                    due.Add(new ReportDue(duty.What, period < start ? start : period, end < last ? end : last, dueOn, duty.Recipient, duty.Confidential));
                }
            }
        }

        return [.. due.OrderBy(d => d.DueOn).ThenBy(d => d.What, StringComparer.Ordinal)];
    }
}
