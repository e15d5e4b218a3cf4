using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Provider.V1;
using Platform.Testing;
using static Platform.Referrals.Tests.Service.ReferralMessages;

namespace Platform.Referrals.Tests.Service;

/// <summary>The referrals service behind a real gateway process, the way staff and provider systems reach it.</summary>
public sealed class ThroughTheGatewayTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>, IAsyncLifetime
{
    private GatewayProcess? _gateway;

    public async Task InitializeAsync()
    {
        if (await fixture.AsOwnerAsync<long>("SELECT count(*) FROM populations") == 0)
        {
            await PopulationsEvents.FiguresAsync(fixture, "GM0484", ("BU04840101", 1000));
            await PopulationsEvents.ResponsibleAsync(fixture, "GM0484", "tom-in-de-buurt", ["GM0484"]);
        }

        _gateway = GatewayProcess.Prepare();
        await _gateway.StartAsync(fixture.Issuer, new Dictionary<string, string>
        {
            ["services__referrals__http__0"] = fixture.BaseAddress.ToString().TrimEnd('/'),
            ["services__referrals__grpc__0"] = fixture.GrpcAddress.ToString().TrimEnd('/'),
        });
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    private async Task<HttpClient> StaffAsync(string user)
    {
        var client = new HttpClient { BaseAddress = _gateway!.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.Tokens.PasswordTokenAsync(user));
        return client;
    }

    [Fact]
    public async Task A_provider_submits_over_grpc_through_the_gateway_and_staff_read_the_figures_through_it()
    {
        var token = await fixture.Tokens.ClientCredentialsTokenAsync("provider-tom-in-de-buurt");
        var provider = new ProviderReferrals.ProviderReferralsClient(GrpcTestClients.Invoker(_gateway!.GrpcAddress, token));

        var response = await provider.SubmitReferralsAsync(Batch(Referral("gw-1", date: "2025-05-02"), Referral("gw-2", date: "2025-05-03")));

        Assert.Equal(2, response.Accepted);
        using var advisor = await StaffAsync("advisor.alphen");
        var rows = await advisor.GetFromJsonAsync<JsonElement>("/api/referrals/figures?unit=municipality&period=month&from=2025-05-01&to=2025-05-31");
        Assert.Equal(2, Assert.Single(rows.EnumerateArray()).GetProperty("referrals").GetInt64());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_staff_api()
    {
        using var advisor = await StaffAsync("advisor.alphen");

        var document = await advisor.GetFromJsonAsync<JsonElement>("/api/referrals/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/referrals/figures", paths);
        Assert.Contains("/api/referrals/signals/{id}/acknowledgement", paths);
        Assert.Contains("/api/referrals/region/figures", paths);
    }

    [Fact]
    public async Task A_provider_token_reaches_no_staff_api_through_the_gateway()
    {
        var token = await fixture.Tokens.ClientCredentialsTokenAsync("provider-tom-in-de-buurt");
        using var client = new HttpClient { BaseAddress = _gateway!.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/referrals/signals");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
