using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Domain;
using Platform.IntegrationEvents.Populations;
using Platform.Testing;

namespace Platform.Contracts.Tests;

/// <summary>What the tests build contracts from: populations told by the populations service, terms, and REST calls as demo users.</summary>
internal sealed class Scenario(ContractsFixture fixture)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ContractTerms Terms(IReadOnlyList<Guid> populations, string legalForm = "agreement") => new(
        "Tom in de buurt 18+",
        legalForm,
        [
            new ContractParty("tom-in-de-buurt", "Coöperatie Tom in de buurt", "contracting-party"),
            new ContractParty("rijnland-jeugd", "Rijnland Jeugd", "subcontractor"),
        ],
        new DateOnly(2025, 1, 1),
        new DateOnly(2028, 12, 31),
        [new DateOnly(2026, 12, 31)],
        ExtensionOptions: 1,
        ExtensionMonths: 24,
        NoticeMonths: 6,
        populations,
        ["wmo"],
        HasMalus: false,
        Notes: null,
        CareForms: ["begeleiding"],
        Access: new AccessArrangement("provider", "Tom handles most of access and decides what is needed."),
        Obligations: new Obligations(
            DutyToAccept: true,
            new WaitingTimeNorm(5, "each-case", "working"),
            SocialReturnPercent: 5m,
            EscalationRoute: "Contract manager, then the alderman's steering group.",
            [
                new ReportingDuty("KPI report", "quarterly", 30, "contract manager", Confidential: false),
                new ReportingDuty("Annual report with accountant's statement", "yearly", 120, "municipal council", Confidential: false),
            ]),
        ResultAgreements:
        [
            new ResultAgreement(null, "zrm-improved-or-stable", 1, "at-least", 0.7m, "year", "bonus-malus", 25_000m),
            new ResultAgreement(null, "client-satisfaction", 1, "at-least", 7m, "year", "none", null),
        ]);

    /// <summary>A population the populations service told of, applied by the service before this returns; its id.</summary>
    public async Task<Guid> PopulationAsync(string municipality = "GM0484", string status = "active", string? name = null)
    {
        var id = Guid.NewGuid();
        var snapshot = new PopulationSnapshot(
            id, municipality, name ?? $"Population {id:N}", status, [municipality], 18, null, ["Wmo"], [], null, new DateOnly(2024, 1, 1), null, 2);
        await fixture.PublishAsync(new PopulationDefined(municipality, snapshot));
        var applied = await Eventually.TrueAsync(async () => await fixture.AsOwnerAsync<long>("SELECT count(*) FROM populations WHERE id = $1", id) > 0);
        Assert.True(applied, "The contracts service did not apply the populations event in time.");
        return id;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null, string user = "contracts.alphen")
    {
        using var client = await fixture.ClientForAsync(user);
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, IsJson(response) && text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type && type.EndsWith("json", StringComparison.Ordinal);

    public Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object? body = null, string user = "contracts.alphen") =>
        SendAsync(HttpMethod.Post, path, body, user);

    /// <summary>A drafted contract's id; fails the test when the draft is refused.</summary>
    public async Task<Guid> DraftAsync(ContractTerms terms, string user = "contracts.alphen")
    {
        var (status, body) = await PostAsync("/api/contracts/contracts", terms, user);
        Assert.True(status == HttpStatusCode.Created, $"Draft refused: {status} {body}");
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>A contract in force for the given populations; its id.</summary>
    public async Task<Guid> ActiveAsync(ContractTerms terms, string user = "contracts.alphen")
    {
        var id = await DraftAsync(terms, user);
        var (status, body) = await PostAsync($"/api/contracts/contracts/{id}/activation", null, user);
        Assert.True(status == HttpStatusCode.OK, $"Activation refused: {status} {body}");
        return id;
    }
}
