using Platform.Provider.V1;

namespace Platform.Outcomes.Tests.Service;

/// <summary>Measurements as a provider system sends them, valid unless a test changes them.</summary>
internal static class Measurements
{
    public static SubmitMeasurementsRequest Batch(params Measurement[] measurements)
    {
        var request = new SubmitMeasurementsRequest();
        request.Measurements.Add(measurements);
        return request;
    }

    public static Measurement Zrm(string id, Guid contract, Guid population, string client, string date, params int[] scores)
    {
        var zrm = new ZrmScores { ClientReference = client, Date = date, ScoredBy = ScoredBy.Professional };
        var all = scores.Length == 13 ? scores : [.. Enumerable.Repeat(scores.Length == 0 ? 3 : scores[0], 13)];
        zrm.Scores.Add(all.Select((score, i) => new DomainScore { Domain = (LifeDomain)(i + 1), Score = score }));
        return new Measurement { MeasurementId = id, ContractId = contract.ToString(), PopulationId = population.ToString(), Zrm = zrm };
    }

    public static Measurement Ladder(string id, Guid contract, Guid population, string client, string date, int rung) =>
        new() { MeasurementId = id, ContractId = contract.ToString(), PopulationId = population.ToString(), Ladder = new LadderRung { ClientReference = client, Date = date, ScoredBy = ScoredBy.Professional, Rung = rung } };

    public static Measurement Waiting(string id, Guid contract, Guid population, string @case, string requested, string started) =>
        new() { MeasurementId = id, ContractId = contract.ToString(), PopulationId = population.ToString(), WaitingTime = new WaitingTime { CaseReference = @case, ClientReference = "client-" + @case, RequestedOn = requested, StartedOn = started } };

    public static Measurement Case(string id, Guid contract, Guid population, string @case, CaseEventType type, string date, string client = "client-of-case") =>
        new() { MeasurementId = id, ContractId = contract.ToString(), PopulationId = population.ToString(), CaseEvent = new CaseEvent { CaseReference = @case, ClientReference = client, Type = type, Date = date } };

    public static Measurement Survey(string id, Guid contract, Guid population, string indicator, string start, string end, int respondents, params (string Answer, int Count)[] answers)
    {
        var survey = new SurveyResult { IndicatorCode = indicator, PeriodStart = start, PeriodEnd = end, Respondents = respondents };
        survey.Answers.Add(answers.Select(a => new AnswerCount { Answer = a.Answer, Count = a.Count }));
        return new Measurement { MeasurementId = id, ContractId = contract.ToString(), PopulationId = population.ToString(), Survey = survey };
    }

    public static Measurement Narrative(string id, Guid contract, Guid population, string indicator, string start, string end, string text) =>
        new() { MeasurementId = id, ContractId = contract.ToString(), PopulationId = population.ToString(), Narrative = new Narrative { IndicatorCode = indicator, PeriodStart = start, PeriodEnd = end, Text = text } };
}
