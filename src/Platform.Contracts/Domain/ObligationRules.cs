namespace Platform.Contracts.Domain;

internal static class ObligationRules
{
    public static void Validate(Obligations o, Action<string, string> fail)
    {
        if (o.WaitingTimeNorm is { } norm)
        {
            if (norm.Days is < 1 or > 365)
            {
                fail("obligations.waitingTimeNorm.days", "Between 1 and 365 days.");
            }

            if (!Vocabulary.WaitingStatistics.Contains(norm.Statistic))
            {
                fail("obligations.waitingTimeNorm.statistic", Vocabulary.OneOf(Vocabulary.WaitingStatistics));
            }

            if (!Vocabulary.DayTypes.Contains(norm.DayType))
            {
                fail("obligations.waitingTimeNorm.dayType", Vocabulary.OneOf(Vocabulary.DayTypes));
            }
        }

        if (o.SocialReturnPercent is < 0 or > 100)
        {
            fail("obligations.socialReturnPercent", "A percentage between 0 and 100.");
        }

        if (o.EscalationRoute is { } route && (route.Length > 2000 || FreeText.ContainsBsnLikeNumber(route)))
        {
            fail("obligations.escalationRoute", "At most 2,000 characters, never a BSN.");
        }

        var schedule = o.ReportingSchedule ?? [];
        if (schedule.Count > 30)
        {
            fail("obligations.reportingSchedule", "At most 30 reports.");
        }

        foreach (var (duty, i) in schedule.Select((d, i) => (d, i)))
        {
            var at = $"obligations.reportingSchedule[{i}]";
            if (string.IsNullOrWhiteSpace(duty.What) || duty.What.Length > 200 || FreeText.ContainsBsnLikeNumber(duty.What))
            {
                fail($"{at}.what", "Required, at most 200 characters, never a BSN.");
            }

            if (!Vocabulary.Rhythms.Contains(duty.Rhythm))
            {
                fail($"{at}.rhythm", Vocabulary.OneOf(Vocabulary.Rhythms));
            }

            if (duty.DueDays is < 0 or > 365)
            {
                fail($"{at}.dueDays", "Between 0 and 365 days after the period ends.");
            }

            if (string.IsNullOrWhiteSpace(duty.Recipient) || duty.Recipient.Length > 200)
            {
                fail($"{at}.recipient", "Required, at most 200 characters.");
            }
        }
    }
}
