using System.Globalization;
using Platform.Contracts.Domain;
using V1 = Platform.Provider.V1;

namespace Platform.Contracts.Grpc;

/// <summary>A stored contract as a provider reads it over gRPC: dates as YYYY-MM-DD, amounts as decimal strings.</summary>
internal static class ContractMessages
{
    public static V1.ProviderContract From(StoredContract c, string providerId, IReadOnlyList<ReportDue> calendar)
    {
        var t = c.Terms;
        var message = new V1.ProviderContract
        {
            ContractId = c.Id.ToString(),
            Municipality = c.Municipality,
            Name = t.Name,
            LegalForm = t.LegalForm,
            Status = c.Status,
            Role = t.Parties.FirstOrDefault(p => p.ProviderId == providerId)?.Role ?? string.Empty,
            ContractingProviderId = t.ContractingProviderId,
            StartsOn = Date(t.Start),
            EndsOn = Date(c.LastDay),
            NoticeDeadline = Date(c.NoticeDeadline),
            ExtensionOptionsLeft = t.ExtensionOptions - c.ExtensionsUsed,
            ExtensionMonths = t.ExtensionMonths,
            Obligations = Obligations(t.Obligations ?? Domain.Obligations.None),
            Version = c.Version,
        };
        message.EvaluationDates.Add(t.EvaluationDates.Order().Select(Date));
        message.PopulationIds.Add(t.Populations.Select(p => p.ToString()));
        message.Laws.Add(t.Laws);
        message.CareForms.Add(t.CareForms ?? []);
        message.ResultAgreements.Add((t.ResultAgreements ?? []).Select(a => new V1.ResultAgreement
        {
            AgreementId = a.AgreementId?.ToString() ?? string.Empty,
            IndicatorCode = a.IndicatorCode,
            DefinitionVersion = a.DefinitionVersion,
            Comparison = a.Comparison,
            Norm = Number(a.Norm),
            Period = a.Period,
            Incentive = a.Incentive,
            IncentiveAmount = a.IncentiveAmount is { } amount ? Number(amount) : string.Empty,
        }));
        message.ReportingCalendar.Add(calendar.Select(d => new V1.ReportDue
        {
            What = d.What, PeriodStart = Date(d.PeriodStart), PeriodEnd = Date(d.PeriodEnd), DueOn = Date(d.DueOn),
            Recipient = d.Recipient, Confidential = d.Confidential,
        }));
        return message;
    }

    private static V1.ContractObligations Obligations(Obligations o)
    {
        var message = new V1.ContractObligations
        {
            DutyToAccept = o.DutyToAccept,
            SocialReturnPercent = o.SocialReturnPercent is { } percent ? Number(percent) : string.Empty,
            EscalationRoute = o.EscalationRoute ?? string.Empty,
        };
        if (o.WaitingTimeNorm is { } norm)
        {
            message.WaitingTimeNorm = new V1.WaitingTimeNorm { Days = norm.Days, Statistic = norm.Statistic, DayType = norm.DayType };
        }

        message.ReportingSchedule.Add((o.ReportingSchedule ?? []).Select(d => new V1.ReportingDuty
        {
            What = d.What, Rhythm = d.Rhythm, DueDays = d.DueDays, Recipient = d.Recipient, Confidential = d.Confidential,
        }));
        return message;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // G29 drops trailing zeros a decimal keeps from its input ("0.70" becomes "0.7").
    private static string Number(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);
}
