using Platform.Provider.V1;

namespace Platform.Outcomes.Demo;

/// <summary>
/// Two years (2024 and 2025) of Tom in de buurt's measurements for one contract's population, as its teams would
/// send them: ZRM and ladder readings at intake and at review, case starts with a few reopened, and the yearly client
/// and stakeholder surveys. In Alphen client satisfaction falls under the norm of 7 in 2025, with Tom's account of why,
/// so that year's evaluation misses one norm. Deterministic: the same contract always gets the same measurements.
/// </summary>
internal static class DemoMeasurements
{
    public const string Alphen = "GM0484";
    private const int ClientsPerYear = 40;

    public static List<Measurement> For(Guid contractId, Guid populationId, string municipality)
    {
        var items = new List<Measurement>();
        foreach (var year in new[] { 2024, 2025 })
        {
            var id = $"demo-{contractId:N}-{year}-";
            for (var i = 0; i < ClientsPerYear; i++)
            {
                var client = $"tom-{year}-{i:D3}";
                var start = i % 3 == 0 ? 2 : 3;

                // Three in four clients improve on some domains, the others decline on one.
                var review = i % 4 == 3 ? start - 1 : start + 1;
                items.Add(Zrm(id + $"zrm-{i}-a", $"{year}-02-{1 + i % 27:D2}", client, start));
                items.Add(Zrm(id + $"zrm-{i}-b", $"{year}-11-{1 + i % 27:D2}", client, review));
                items.Add(Ladder(id + $"lad-{i}-a", $"{year}-02-{1 + i % 27:D2}", client, 2 + i % 3));
                items.Add(Ladder(id + $"lad-{i}-b", $"{year}-11-{1 + i % 27:D2}", client, 2 + i % 3 + (i % 5 == 0 ? -1 : 1)));
                items.Add(Event(id + $"case-{i}", client, $"case-{year}-{i:D3}", CaseEventType.Started, $"{year}-01-{1 + i % 28:D2}"));
                if (i % 20 == 7)
                {
                    items.Add(Event(id + $"reopen-{i}", client, $"case-{year}-{i:D3}", CaseEventType.Reopened, $"{year}-09-{1 + i % 28:D2}"));
                }
            }

            var missesIn2025 = municipality == Alphen && year == 2025;
            items.Add(Survey(id + "clients", "client-satisfaction", year, 60,
                missesIn2025 ? [("5", 8), ("6", 16), ("7", 22), ("8", 12), ("9", 2)] : [("6", 6), ("7", 22), ("8", 26), ("9", 6)]));
            items.Add(Survey(id + "stakeholders", "stakeholder-satisfaction", year, 20, [("7", 8), ("8", 10), ("9", 2)]));
            if (missesIn2025)
            {
                items.Add(With(id + "story-clients", new Measurement
                {
                    Narrative = new Narrative
                    {
                        IndicatorCode = "client-satisfaction", PeriodStart = "2025-01-01", PeriodEnd = "2025-12-31",
                        Text = "Two teams in Alphen-Noord worked understaffed from March to September; waiting lists grew and clients told us so. Both teams are complete again since October.",
                    },
                }));
            }
        }

        return [.. items.Select(m => { m.ContractId = contractId.ToString(); m.PopulationId = populationId.ToString(); return m; })];
    }

    private static Measurement Zrm(string id, string date, string client, int score)
    {
        var zrm = new ZrmScores { ClientReference = client, Date = date, ScoredBy = ScoredBy.Professional };
        zrm.Scores.Add(Enumerable.Range(1, 13).Select(d => new DomainScore { Domain = (LifeDomain)d, Score = d == 4 ? Math.Clamp(score, 1, 5) : 3 }));
        return With(id, new Measurement { Zrm = zrm });
    }

    private static Measurement Ladder(string id, string date, string client, int rung) =>
        With(id, new Measurement { Ladder = new LadderRung { ClientReference = client, Date = date, ScoredBy = ScoredBy.Professional, Rung = Math.Clamp(rung, 1, 6) } });

    private static Measurement Event(string id, string client, string @case, CaseEventType type, string date) =>
        With(id, new Measurement { CaseEvent = new CaseEvent { CaseReference = @case, ClientReference = client, Type = type, Date = date } });

    private static Measurement Survey(string id, string indicator, int year, int respondents, (string Answer, int Count)[] answers)
    {
        var survey = new SurveyResult { IndicatorCode = indicator, PeriodStart = $"{year}-01-01", PeriodEnd = $"{year}-12-31", Respondents = respondents };
        survey.Answers.Add(answers.Select(a => new AnswerCount { Answer = a.Answer, Count = a.Count }));
        return With(id, new Measurement { Survey = survey });
    }

    private static Measurement With(string id, Measurement m)
    {
        m.MeasurementId = id;
        return m;
    }
}
