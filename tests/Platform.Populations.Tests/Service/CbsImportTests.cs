using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Populations.Tests.Service;

public sealed class CbsImportTests(PopulationsFixture fixture) : IClassFixture<PopulationsFixture>
{
    private const string Header =
        "WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5;k_0Tot15Jaar_8;k_15Tot25Jaar_9;k_25Tot45Jaar_10;k_45Tot65Jaar_11;k_65JaarOfOuder_12;HuishoudensTotaal_28;SociaalIsolementPercentage_90";

    // Nieuwkoop (GM0569): one district of two neighbourhoods; the second neighbourhood's isolation share is suppressed.
    private static readonly string[] Nieuwkoop =
    [
        "Nieuwkoop;Nieuwkoop;Gemeente  ;GM0569    ;3000;500;300;800;800;600;1300;10",
        "Nieuwkoop-Dorp;Nieuwkoop;Wijk      ;WK056901  ;3000;500;300;800;800;600;1300;10",
        "Dorp-Noord;Nieuwkoop;Buurt     ;BU05690101;1000;200;100;300;250;150;400;20",
        "Dorp-Zuid;Nieuwkoop;Buurt     ;BU05690102;2000;300;200;500;550;450;900;.",
    ];

    private static StringContent Csv(params string[] lines) =>
        new(string.Join('\n', [Header, .. lines]) + "\n", Encoding.UTF8, "text/csv");

    private static async Task<JsonElement> ImportAsync(HttpClient client, string referenceDate, StringContent file)
    {
        using var response = await client.PostAsync($"/api/populations/imports/cbs?referenceDate={referenceDate}&source=test.csv", file);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        using var advisor = await fixture.ClientForAsync("advisor.nieuwkoop");
        var first = await ImportAsync(advisor, "2023-01-01", Csv(Nieuwkoop));
        Assert.Equal(4, first.GetProperty("areasAdded").GetInt32());
        Assert.Equal(4, first.GetProperty("characteristicsChanged").GetInt32());
        var importId = await fixture.AsOwnerAsync<Guid>("SELECT import_id FROM area_characteristics WHERE area_code = 'BU05690101' AND reference_date = '2023-01-01'");

        var second = await ImportAsync(advisor, "2023-01-01", Csv(Nieuwkoop));
        Assert.Equal(0, second.GetProperty("areasAdded").GetInt32());
        Assert.Equal(0, second.GetProperty("characteristicsChanged").GetInt32());
        Assert.Equal(4, second.GetProperty("unchanged").GetInt32());
        Assert.Equal(importId, await fixture.AsOwnerAsync<Guid>("SELECT import_id FROM area_characteristics WHERE area_code = 'BU05690101' AND reference_date = '2023-01-01'"));
        var published = await fixture.AsOwnerAsync<long>(
            "SELECT count(*) FROM platform.outbox_messages WHERE message_type LIKE '%CharacteristicsPublished%' AND body::text LIKE '%2023-01-01%'");
        Assert.Equal(1, published);
    }

    [Fact]
    public async Task Bad_rows_are_reported_by_line_and_the_good_rows_are_imported()
    {
        using var advisor = await fixture.ClientForAsync("advisor.nieuwkoop");
        var report = await ImportAsync(advisor, "2022-01-01", Csv(
            "Goed;Nieuwkoop;Buurt     ;BU05690103;100;10;10;30;30;20;50;5",
            "Fout;Nieuwkoop;Buurt     ;BU0569;100;10;10;30;30;20;50;5",
            "Ander;Alphen aan den Rijn;Buurt     ;BU04840909;100;10;10;30;30;20;50;5",
            "Negatief;Nieuwkoop;Buurt     ;BU05690104;-5;10;10;30;30;20;50;5"));

        var rejected = report.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([3, 4, 5], rejected.Select(r => r.GetProperty("lineNumber").GetInt32()));
        Assert.Contains("GM0484", rejected[1].GetProperty("reason").GetString());
        Assert.Equal(1, report.GetProperty("areasAdded").GetInt32());
        Assert.Equal("Goed", await fixture.AsOwnerAsync<string>("SELECT name FROM areas WHERE code = 'BU05690103'"));
        Assert.Null(await fixture.AsOwnerAsync<string>("SELECT name FROM areas WHERE code = 'BU04840909'"));
    }

    [Fact]
    public async Task A_district_aggregates_its_neighbourhoods_weighting_shares_and_keeping_suppressed_values_unknown()
    {
        using var advisor = await fixture.ClientForAsync("advisor.nieuwkoop");
        await ImportAsync(advisor, "2021-01-01", Csv(Nieuwkoop));
        await ImportAsync(advisor, "2021-06-01", Csv(
            "Dorp-Noord;Nieuwkoop;Buurt     ;BU05690101;1000;200;100;300;250;150;400;20",
            "Dorp-Zuid;Nieuwkoop;Buurt     ;BU05690102;2000;300;200;500;550;450;900;5"));

        var withSuppression = await advisor.GetFromJsonAsync<JsonElement>("/api/populations/areas/WK056901/characteristics?asOf=2021-03-01");
        var values = withSuppression.GetProperty("characteristics");
        Assert.Equal(3000, values.GetProperty("inhabitants").GetDouble());
        Assert.Equal(500, values.GetProperty("age_0_14").GetDouble());
        Assert.Equal(JsonValueKind.Null, values.GetProperty("social_isolation_share").ValueKind);
        Assert.Equal("2021-01-01", withSuppression.GetProperty("referenceDate").GetString());

        // Weighted by inhabitants: (0.20 * 1000 + 0.05 * 2000) / 3000 = 0.1.
        var later = await advisor.GetFromJsonAsync<JsonElement>("/api/populations/areas/WK056901/characteristics?asOf=2021-12-31");
        Assert.Equal(0.1, later.GetProperty("characteristics").GetProperty("social_isolation_share").GetDouble(), 9);
        Assert.Equal("2021-06-01", later.GetProperty("referenceDate").GetString());
    }

    [Fact]
    public async Task A_corrected_file_for_the_same_reference_date_replaces_the_figures_and_keeps_the_old_ones()
    {
        using var advisor = await fixture.ClientForAsync("advisor.nieuwkoop");
        await ImportAsync(advisor, "2019-01-01", Csv("Dorp-West;Nieuwkoop;Buurt     ;BU05690201;500;100;50;150;100;100;200;10"));
        var corrected = await ImportAsync(advisor, "2019-01-01", Csv("Dorp-West;Nieuwkoop;Buurt     ;BU05690201;520;100;50;170;100;100;200;10"));

        Assert.Equal(1, corrected.GetProperty("characteristicsChanged").GetInt32());
        var now = await advisor.GetFromJsonAsync<JsonElement>("/api/populations/areas/BU05690201/characteristics?asOf=2019-06-01");
        Assert.Equal(520, now.GetProperty("inhabitants").GetDouble());
        Assert.Equal("500", await fixture.AsOwnerAsync<string>(
            "SELECT previous_values ->> 'inhabitants' FROM area_characteristics_corrections WHERE area_code = 'BU05690201'"));
    }

    [Fact]
    public async Task Figures_are_read_as_of_a_date_and_are_unknown_before_the_first_reference_date()
    {
        using var advisor = await fixture.ClientForAsync("advisor.nieuwkoop");
        await ImportAsync(advisor, "2020-01-01", Csv(Nieuwkoop));
        var before = await advisor.GetFromJsonAsync<JsonElement>("/api/populations/areas/BU05690101/characteristics?asOf=2019-12-31");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("referenceDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("inhabitants").ValueKind);
        Assert.Equal(1, before.GetProperty("neighbourhoodsWithoutFigures").GetInt32());
    }

    [Fact]
    public async Task Only_policy_advisors_import_and_a_missing_reference_date_or_column_is_a_clear_error()
    {
        using var controller = await fixture.ClientForAsync("controller.nieuwkoop");
        using var refused = await controller.PostAsync("/api/populations/imports/cbs?referenceDate=2024-01-01", Csv(Nieuwkoop));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var advisor = await fixture.ClientForAsync("advisor.nieuwkoop");
        using var noDate = await advisor.PostAsync("/api/populations/imports/cbs", Csv(Nieuwkoop));
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Contains("referenceDate", await noDate.Content.ReadAsStringAsync());

        using var noCode = await advisor.PostAsync("/api/populations/imports/cbs?referenceDate=2024-01-01",
            new StringContent("WijkenEnBuurten;SoortRegio_2;AantalInwoners_5\nDorp;Buurt;100\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, noCode.StatusCode);
        Assert.Contains("Codering", await noCode.Content.ReadAsStringAsync());
    }
}
