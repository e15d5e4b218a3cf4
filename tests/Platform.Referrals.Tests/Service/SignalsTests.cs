using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.IntegrationEvents.Referrals;
using Platform.Provider.V1;
using Platform.Testing;
using static Platform.Referrals.Tests.Service.ReferralMessages;

namespace Platform.Referrals.Tests.Service;

/// <summary>
/// Signals end to end: four neighbourhoods of 2,000 inhabitants refer steadily for nine months, except that in one
/// the referrals to Zvw care climb over the last four. One breach, one signal, one event; acknowledged with a
/// comment and a history; invisible to another municipality.
/// </summary>
public sealed class SignalsTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>, IAsyncLifetime
{
    private const string Drifting = "BU04840101";
    private static readonly string[] Steady = ["BU04840102", "BU04840103", "BU04840104"];
    private static readonly int[] DriftingCostShifting = [2, 2, 2, 2, 2, 4, 7, 10, 14];

    public async Task InitializeAsync()
    {
        if (await fixture.AsOwnerAsync<long>("SELECT count(*) FROM referrals") > 0)
        {
            return;
        }

        await PopulationsEvents.FiguresAsync(fixture, "GM0484", [.. Steady.Prepend(Drifting).Select(n => (n, 2000.0))]);
        await PopulationsEvents.ResponsibleAsync(fixture, "GM0484", "tom-in-de-buurt", ["GM0484"], name: "Alphen 0+");

        // The nine whole months before this one.
        var thisMonth = DateOnly.FromDateTime(DateTime.Now);
        thisMonth = new DateOnly(thisMonth.Year, thisMonth.Month, 1);
        var referrals = new List<ReferralSubmission>();
        for (var m = 0; m < 9; m++)
        {
            var day = thisMonth.AddMonths(m - 9).AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var neighbourhood in Steady.Prepend(Drifting))
            {
                var costShifting = neighbourhood == Drifting ? DriftingCostShifting[m] : 2;
                referrals.AddRange(Enumerable.Range(0, 4).Select(i => Referral($"{neighbourhood}-{m}-s{i}", neighbourhood, day)));
                referrals.AddRange(Enumerable.Range(0, costShifting).Select(i => Referral($"{neighbourhood}-{m}-c{i}", neighbourhood, day, DestinationType.HealthInsuranceAct)));
            }
        }

        var tom = await fixture.ProviderClientAsync("provider-tom-in-de-buurt");
        Assert.Equal(referrals.Count, (await tom.SubmitReferralsAsync(Batch([.. referrals]))).Accepted);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> DetectAsync()
    {
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        using var response = await advisor.PostAsync("/api/referrals/signals/detection", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> SignalsAsync(string user = "advisor.alphen")
    {
        using var client = await fixture.ClientForAsync(user);
        return await client.GetFromJsonAsync<JsonElement>("/api/referrals/signals");
    }

    private async Task<JsonElement> TheSignalAsync()
    {
        await DetectAsync();
        return Assert.Single((await SignalsAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_drift_raises_exactly_one_signal_however_often_it_is_computed()
    {
        var first = await DetectAsync();
        var second = await DetectAsync();

        var signal = Assert.Single((await SignalsAsync()).EnumerateArray());
        Assert.Equal(0, second.GetProperty("raised").GetInt32());
        Assert.True(first.GetProperty("raised").GetInt32() <= 1);
        Assert.Equal(("area", Drifting, "cost-shifting"), (
            signal.GetProperty("unitKind").GetString(), signal.GetProperty("unitId").GetString(), signal.GetProperty("kind").GetString()));
        Assert.Equal("open", signal.GetProperty("state").GetString());

        // The steady neighbourhoods, the PGB outflow and the single district, population and provider (their own
        // peers) raise nothing.
        var trigger = signal.GetProperty("figures").GetProperty("trigger");
        Assert.True(trigger.GetProperty("observed").GetInt64() > trigger.GetProperty("expected").GetDouble());
        Assert.Contains("rising-trend", signal.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signal_goes_out_as_an_event_once()
    {
        var signal = await TheSignalAsync();
        var id = signal.GetProperty("id").GetGuid();

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(fixture.SignalEvents.OfType<ReferralSignalRaised>().Any(e => e.SignalId == id))));
        await DetectAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var raised = Assert.Single(fixture.SignalEvents.OfType<ReferralSignalRaised>());
        Assert.Equal(("GM0484", Drifting, "cost-shifting"), (raised.Municipality, raised.UnitId, raised.Kind));
        Assert.True(raised.Evidence.Observed > raised.Evidence.Upper95 || raised.Reason.Contains("rising-trend", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_acknowledgement_with_a_comment_is_kept_in_the_history_and_published()
    {
        var signal = await TheSignalAsync();
        var id = signal.GetProperty("id").GetGuid();
        using var contracts = await fixture.ClientForAsync("contracts.alphen");

        using var empty = await contracts.PostAsJsonAsync($"/api/referrals/signals/{id}/acknowledgement", new { comment = " " });
        using var stale = await contracts.PostAsJsonAsync($"/api/referrals/signals/{id}/acknowledgement", new { comment = "x", expectedVersion = 99 });
        using var acknowledged = await contracts.PostAsJsonAsync(
            $"/api/referrals/signals/{id}/acknowledgement", new { comment = "Op de agenda van het kwartaalgesprek", expectedVersion = signal.GetProperty("version").GetInt32() });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var history = await contracts.GetFromJsonAsync<JsonElement>($"/api/referrals/signals/{id}/history");
        Assert.Equal(["open", "acknowledged"], history.EnumerateArray().Select(h => h.GetProperty("state").GetString()));
        Assert.Equal("Op de agenda van het kwartaalgesprek", history[1].GetProperty("comment").GetString());
        Assert.NotEqual("system:signal-detector", history[1].GetProperty("changedBy").GetString());
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(
            fixture.SignalEvents.OfType<ReferralSignalAcknowledged>().Any(e => e.SignalId == id && e.Comment == "Op de agenda van het kwartaalgesprek"))));
    }

    [Fact]
    public async Task Only_advisors_and_contract_managers_of_the_municipality_acknowledge()
    {
        var id = (await TheSignalAsync()).GetProperty("id").GetGuid();
        using var auditor = await fixture.ClientForAsync("auditor.alphen");
        using var kaag = await fixture.ClientForAsync("advisor.kaag");

        using var byAuditor = await auditor.PostAsJsonAsync($"/api/referrals/signals/{id}/acknowledgement", new { comment = "gezien" });
        using var byOtherMunicipality = await kaag.PostAsJsonAsync($"/api/referrals/signals/{id}/acknowledgement", new { comment = "gezien" });
        using var readByOtherMunicipality = await kaag.GetAsync($"/api/referrals/signals/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherMunicipality.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readByOtherMunicipality.StatusCode);
        Assert.Empty((await SignalsAsync("advisor.kaag")).EnumerateArray());
        Assert.Single((await SignalsAsync("auditor.alphen")).EnumerateArray());
    }

    [Fact]
    public async Task The_signals_come_as_semicolon_separated_values_too()
    {
        await TheSignalAsync();
        using var advisor = await fixture.ClientForAsync("advisor.alphen");

        var csv = await advisor.GetStringAsync("/api/referrals/signals?format=csv");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id;unit_kind;unit_id;", lines[0], StringComparison.Ordinal);
        Assert.Contains($";area;{Drifting};", Assert.Single(lines.Skip(1)), StringComparison.Ordinal);
    }
}
