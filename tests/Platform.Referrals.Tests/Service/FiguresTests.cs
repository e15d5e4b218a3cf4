using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.IntegrationEvents.Populations;
using Platform.Provider.V1;
using Platform.Security;
using Platform.Testing;
using static Platform.Referrals.Tests.Service.ReferralMessages;

namespace Platform.Referrals.Tests.Service;

/// <summary>
/// The monitoring figures on a small fixture computed by hand: two neighbourhoods of one district (1,000 and
/// 2,000 inhabitants) with seven referrals in March 2025 and one a year earlier.
/// </summary>
public sealed class FiguresTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>, IAsyncLifetime
{
    private const string Oude = "BU04840101";
    private const string Hoorn = "BU04840102";

    public async Task InitializeAsync()
    {
        if (await fixture.AsOwnerAsync<long>("SELECT count(*) FROM referrals") > 0)
        {
            return;
        }

        await PopulationsEvents.FiguresAsync(fixture, "GM0484", (Oude, 1000), (Hoorn, 2000));
        await PopulationsEvents.ResponsibleAsync(fixture, "GM0484", "tom-in-de-buurt", ["WK048401"]);
        await fixture.PublishAsync(new RegionDefined("holland-rijnland", "Holland Rijnland", ["GM0484", "GM1884", "GM0569"]));
        Assert.True(await Eventually.TrueAsync(async () => await fixture.AsOwnerAsync<long>("SELECT count(*) FROM region_municipalities") == 3));

        var tom = await fixture.ProviderClientAsync("provider-tom-in-de-buurt");
        var submitted = await tom.SubmitReferralsAsync(Batch(
            Referral("f-1", Oude, "2025-03-01"),
            Referral("f-2", Oude, "2025-03-05"),
            Referral("f-3", Oude, "2025-03-10", DestinationType.PersonalBudget),
            Referral("f-4", Hoorn, "2025-03-02", DestinationType.PersonalBudget),
            Referral("f-5", Hoorn, "2025-03-03", DestinationType.SpecialistYouthCare, age: AgeBand._1217),
            Referral("f-6", Hoorn, "2025-03-20", DestinationType.LongTermCareAct),
            Referral("f-7", Hoorn, "2025-03-21"),
            Referral("f-0", Oude, "2024-03-15")));
        Assert.Equal(8, submitted.Accepted);

        foreach (var (id, started) in new[] { ("f-1", "2025-03-11"), ("f-2", "2025-03-25"), ("f-3", "2025-04-09"), ("f-4", "2025-03-06"), ("f-5", "2025-03-10") })
        {
            await tom.UpdateReferralStatusAsync(new UpdateReferralStatusRequest { ReferralId = id, Status = ReferralStatus.Started, Date = started });
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> FiguresAsync(string user, string query)
    {
        using var client = await fixture.ClientForAsync(user);
        using var response = await client.GetAsync("/api/referrals/figures" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Row(JsonElement rows, string unit, string period) =>
        rows.EnumerateArray().Single(r => r.GetProperty("unitId").GetString() == unit && r.GetProperty("period").GetString() == period);

    [Fact]
    public async Task Counts_rates_and_waiting_times_per_neighbourhood_equal_the_hand_computed_ones()
    {
        var rows = await FiguresAsync("advisor.alphen", "?unit=neighbourhood&period=month&from=2025-03-01&to=2025-03-31");

        var oude = Row(rows, Oude, "2025-03");
        Assert.Equal(3, oude.GetProperty("referrals").GetInt64());
        Assert.Equal(1000, oude.GetProperty("inhabitants").GetInt64());
        Assert.Equal(3.0, oude.GetProperty("ratePerThousand").GetDouble(), 9);
        Assert.Equal(1.0, oude.GetProperty("personalBudgetRatePerThousand").GetDouble(), 9);

        // Waits of 10, 20 and 30 days: nearest rank ⌈0.5·3⌉ = 2 and ⌈0.9·3⌉ = 3.
        Assert.Equal((3, 20, 30), (oude.GetProperty("started").GetInt32(), oude.GetProperty("waitingMedianDays").GetInt32(), oude.GetProperty("waitingP90Days").GetInt32()));

        // Active in March: f-1 and f-2 started in March; f-3 only in April. Three referrals over two clients.
        Assert.Equal(2, oude.GetProperty("activeClients").GetInt64());
        Assert.Equal(1.5, oude.GetProperty("ratePerActiveClient").GetDouble(), 9);

        // The year-earlier baseline: one referral in March 2024 over the same 1,000 inhabitants.
        Assert.Equal(1.0, oude.GetProperty("rateYearEarlier").GetDouble(), 9);

        var hoorn = Row(rows, Hoorn, "2025-03");
        Assert.Equal(2.0, hoorn.GetProperty("ratePerThousand").GetDouble(), 9);
        Assert.Equal(2, hoorn.GetProperty("costShifting").GetInt64());
        Assert.Equal((4, 7), (hoorn.GetProperty("waitingMedianDays").GetInt32(), hoorn.GetProperty("waitingP90Days").GetInt32()));
    }

    [Fact]
    public async Task A_district_adds_up_its_neighbourhoods()
    {
        var rows = await FiguresAsync("controller.alphen", "?unit=district&period=quarter&from=2025-01-01&to=2025-03-31");

        var district = Row(rows, "WK048401", "2025-Q1");
        Assert.Equal(7, district.GetProperty("referrals").GetInt64());
        Assert.Equal(7 * 1000.0 / 3000, district.GetProperty("ratePerThousand").GetDouble(), 9);

        // Waits 4, 7, 10, 20, 30: ranks 3 and 5.
        Assert.Equal((10, 30), (district.GetProperty("waitingMedianDays").GetInt32(), district.GetProperty("waitingP90Days").GetInt32()));
        Assert.Equal(2, district.GetProperty("byDestination").GetProperty("PersonalBudget").GetInt64());
    }

    [Fact]
    public async Task The_funnel_holds_each_neighbourhood_against_the_pooled_rate()
    {
        using var client = await fixture.ClientForAsync("advisor.alphen");
        var points = await client.GetFromJsonAsync<JsonElement>(
            "/api/referrals/figures/funnel?unit=neighbourhood&period=month&date=2025-03-15&kind=personal-budget-outflow");

        // One PGB referral in each: 2 over 3,000 inhabitants, so 1,000 inhabitants expect 2/3.
        var oude = points.EnumerateArray().Single(p => p.GetProperty("unitId").GetString() == Oude);
        Assert.Equal(2000.0 / 3000, oude.GetProperty("peerRate").GetDouble(), 9);
        Assert.Equal(2.0 / 3, oude.GetProperty("expected").GetDouble(), 9);
        Assert.Equal("Within95", oude.GetProperty("position").GetString());
        Assert.True(oude.GetProperty("upper998").GetDouble() > oude.GetProperty("upper95").GetDouble());
    }

    [Fact]
    public async Task The_figures_come_as_semicolon_separated_values_too()
    {
        using var client = await fixture.ClientForAsync("advisor.alphen");
        using var response = await client.GetAsync("/api/referrals/figures?unit=neighbourhood&period=month&from=2025-03-01&to=2025-03-31&format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        var oude = lines.Single(l => l.StartsWith("neighbourhood;" + Oude, StringComparison.Ordinal)).Split(';');
        Assert.Equal("3", oude[Array.IndexOf(header, "referrals")]);
        Assert.Equal("3", oude[Array.IndexOf(header, "rate_per_1000")]);
        Assert.Equal("20", oude[Array.IndexOf(header, "waiting_median_days")]);
        Assert.Equal("1", oude[Array.IndexOf(header, "to_PersonalBudget")]);
    }

    [Fact]
    public async Task Bad_parameters_are_named()
    {
        using var client = await fixture.ClientForAsync("advisor.alphen");
        using var response = await client.GetAsync("/api/referrals/figures?unit=street&period=week&destination=moon&format=xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["destination", "format", "period", "unit"], errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task Another_municipality_sees_none_of_these_referrals()
    {
        var rows = await FiguresAsync("advisor.kaag", "?unit=municipality&period=year&from=2024-01-01&to=2025-12-31");

        Assert.Empty(rows.EnumerateArray());

        // Below the API: the application role as Kaag en Braassem, with no WHERE at all.
        var settings = new Platform.Persistence.DatabaseSettings("referralsdb", fixture.DatabaseConnectionString);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(settings.AppConnectionString);
        var database = new Platform.Persistence.Sessions.Database(dataSource, settings);
        var visible = await database.InTransactionAsync(
            new Platform.Security.CallerContext("GM1884", "test", ["policy-advisor"]),
            s => s.ScalarAsync<long>("SELECT (SELECT count(*) FROM referrals) + (SELECT count(*) FROM status_updates) + (SELECT count(*) FROM populations)", default));
        Assert.Equal(0, visible);
    }

    [Fact]
    public async Task A_provider_cannot_write_a_referral_for_a_population_it_does_not_answer_for_even_past_the_api()
    {
        var settings = new Platform.Persistence.DatabaseSettings("referralsdb", fixture.DatabaseConnectionString);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(settings.AppConnectionString);
        var database = new Platform.Persistence.Sessions.Database(dataSource, settings);
        var population = await fixture.AsOwnerAsync<Guid>("SELECT id FROM populations LIMIT 1");

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.InTransactionAsync(
            new Platform.Security.CallerContext(null, "test", ["provider-system"], ProviderId: "rijnland-jeugd"),
            s => s.ExecuteAsync(
                "INSERT INTO referrals (provider_id, referral_id, municipality, population_id, client_reference, neighbourhood, age_band, referral_date, " +
                "referring_team, referrer_type, destination_type, life_domain, urgency) VALUES ('rijnland-jeugd', 'x', 'GM0484', $1, 'c', 'BU04840101', 5, " +
                "'2025-03-01', 't', 1, 1, 1, 1)", default, population)));
        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Theory]
    [InlineData("BU04840101", "GM0484", true)]
    [InlineData("BU04840201", "GM0484", false)]
    [InlineData("BU18840101", "GM0484", false)]
    [InlineData("BU04840101", "GM1884", false)]
    public async Task Past_the_api_a_referral_is_stored_only_in_its_populations_municipality_and_areas(
        string neighbourhood, string municipality, bool stored)
    {
        var settings = new Platform.Persistence.DatabaseSettings("referralsdb", fixture.DatabaseConnectionString);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(settings.AppConnectionString);
        var database = new Platform.Persistence.Sessions.Database(dataSource, settings);
        var population = await fixture.AsOwnerAsync<Guid>("SELECT population_id FROM responsibilities WHERE provider_id = 'tom-in-de-buurt' LIMIT 1");

        // Never committed: the figures of the other tests stay as they are.
        await using var session = await database.BeginAsync(
            new Platform.Security.CallerContext(null, "test", ["provider-system"], ProviderId: "tom-in-de-buurt"));
        var insert = () => session.ExecuteAsync(
            "INSERT INTO referrals (provider_id, referral_id, municipality, population_id, client_reference, neighbourhood, age_band, referral_date, " +
            "referring_team, referrer_type, destination_type, life_domain, urgency) VALUES ('tom-in-de-buurt', 'area-check', $1, $2, 'c', $3, 5, " +
            "'2025-03-01', 't', 1, 1, 1, 1)", default, municipality, population, neighbourhood);

        if (stored)
        {
            Assert.Equal(1, await insert());
        }
        else
        {
            var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(insert);
            Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task Past_the_api_a_status_update_is_stored_only_under_its_referrals_municipality()
    {
        var settings = new Platform.Persistence.DatabaseSettings("referralsdb", fixture.DatabaseConnectionString);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(settings.AppConnectionString);
        var database = new Platform.Persistence.Sessions.Database(dataSource, settings);
        await using var session = await database.BeginAsync(
            new Platform.Security.CallerContext(null, "test", ["provider-system"], ProviderId: "tom-in-de-buurt"));

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => session.ExecuteAsync(
            "INSERT INTO status_updates (provider_id, referral_id, municipality, status, status_date) VALUES ('tom-in-de-buurt', 'f-7', 'GM1884', 1, '2025-03-22')",
            default));
        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task A_regional_coordinator_sees_region_aggregates_only()
    {
        using var coordinator = await fixture.ClientForAsync("coordinator.rijnland");

        var region = await coordinator.GetFromJsonAsync<JsonElement>("/api/referrals/region/figures?period=month&from=2025-03-01&to=2025-03-31");
        using var detail = await coordinator.GetAsync("/api/referrals/figures?unit=neighbourhood");
        using var signals = await coordinator.GetAsync("/api/referrals/signals");
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        using var notForAdvisors = await advisor.GetAsync("/api/referrals/region/figures");

        var alphen = Assert.Single(region.EnumerateArray());
        Assert.Equal("GM0484", alphen.GetProperty("municipality").GetString());
        Assert.Equal(7, alphen.GetProperty("referrals").GetInt64());
        Assert.Equal(7 * 1000.0 / 3000, alphen.GetProperty("ratePerThousand").GetDouble(), 9);
        Assert.Equal(HttpStatusCode.Forbidden, detail.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signals.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notForAdvisors.StatusCode);
    }

    [Fact]
    public async Task Providers_and_anonymous_callers_get_no_figures()
    {
        var token = await fixture.Tokens.ClientCredentialsTokenAsync("provider-tom-in-de-buurt");
        using var provider = new HttpClient { BaseAddress = fixture.BaseAddress };
        provider.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var anonymous = new HttpClient { BaseAddress = fixture.BaseAddress };

        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync("/api/referrals/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/referrals/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/referrals/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task The_signal_counts_kept_at_intake_equal_a_rebuild_from_the_referrals()
    {
        var settings = new Platform.Persistence.DatabaseSettings("referralsdb", fixture.DatabaseConnectionString);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(settings.AppConnectionString);
        var database = new Platform.Persistence.Sessions.Database(dataSource, settings);
        await using var session = await database.BeginAsync(Platform.Security.CallerContext.SystemFor("GM0484", "test"));
        static string Line(Data.SignalCounts c) => $"{c.Neighbourhood} {c.Month:yyyy-MM} {c.CostShifting} {c.PersonalBudget} {c.Started} {c.WaitedLong}";

        var kept = (await Data.MonitoringStore.SignalCountsAsync(session, "GM0484", new DateOnly(2024, 1, 1), default)).Select(Line).Order().ToList();
        await Data.MonitoringStore.RebuildSignalCountsAsync(session, "GM0484", 42, default);
        var rebuilt = (await Data.MonitoringStore.SignalCountsAsync(session, "GM0484", new DateOnly(2024, 1, 1), default)).Select(Line).Order().ToList();

        // Hoorn in March: f-5 and f-6 shift costs, f-4 goes to a PGB, f-4 and f-5 started. Oude: f-3 to a PGB in
        // March, f-1 and f-2 started in March and f-3 in April.
        Assert.Equal(rebuilt, kept);
        Assert.Contains($"{Hoorn} 2025-03 2 1 2 0", kept);
        Assert.Contains($"{Oude} 2025-03 0 1 2 0", kept);
        Assert.Contains($"{Oude} 2025-04 0 0 1 0", kept);
    }
}
