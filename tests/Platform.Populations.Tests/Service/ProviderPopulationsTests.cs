using System.Net;
using System.Net.Http.Json;
using System.Text;
using Grpc.Core;
using Platform.Hosting.Results;
using Platform.Provider.V1;
using Platform.Testing;
using static Platform.Populations.Tests.Service.PopulationRequests;

namespace Platform.Populations.Tests.Service;

/// <summary>platform.provider.v1.ProviderPopulations over the service's own h2c listener, with real provider tokens.</summary>
public sealed class ProviderPopulationsTests(PopulationsFixture fixture) : IClassFixture<PopulationsFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await DemoAreas.SeedAsync(fixture);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        const string csv = "WijkenEnBuurten;SoortRegio_2;Codering_3;AantalInwoners_5;k_0Tot15Jaar_8;k_15Tot25Jaar_9;k_25Tot45Jaar_10;k_45Tot65Jaar_11;k_65JaarOfOuder_12\n"
            + "Oude Rijn;Buurt;BU04840101;1000;150;100;300;250;200\n"
            + "Hoorn;Buurt;BU04840102;2000;300;200;600;500;400\n";
        using var import = await advisor.PostAsync("/api/populations/imports/cbs?referenceDate=2024-01-01", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ListMyPopulationsResponse> CallAsync(string clientId, ListMyPopulationsRequest request)
    {
        var token = await fixture.ProviderTokenAsync(clientId);
        return await Client(token).ListMyPopulationsAsync(request);
    }

    private ProviderPopulations.ProviderPopulationsClient Client(string? token) => new(GrpcTestClients.Invoker(fixture.GrpcAddress, token));

    private async Task<Guid> ResponsibleAsync(string name, string providerId, string from = "2024-01-01", string? to = null)
    {
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var id = (await DefineAsync(advisor, Population(name, ["WK048401"], ageFrom: 18, validFrom: "2024-01-01"))).Id();
        await ActivateAsync(advisor, id);
        using var contracts = await fixture.ClientForAsync("contracts.alphen");
        using var assigned = await contracts.PostAsJsonAsync($"/api/populations/populations/{id}/responsibilities", new { providerId, validFrom = from, validTo = to });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        return id;
    }

    [Fact]
    public async Task A_provider_sees_the_populations_it_is_responsible_for_with_their_size_and_no_others()
    {
        var mine = await ResponsibleAsync("Centrum 18+ Tom", "tom-in-de-buurt");
        var theirs = await ResponsibleAsync("Centrum 18+ Rijnland", "rijnland-jeugd");

        var response = await CallAsync("provider-tom-in-de-buurt", new ListMyPopulationsRequest { AsOf = "2024-06-01" });

        var ids = response.Populations.Select(p => Guid.Parse(p.PopulationId)).ToList();
        Assert.Contains(mine, ids);
        Assert.DoesNotContain(theirs, ids);
        var population = response.Populations.Single(p => p.PopulationId == mine.ToString());
        Assert.Equal("2024-01-01", population.ResponsibleFrom);
        Assert.Equal("2024-01-01", population.Profile.ReferenceDate);

        // 18+ of 3,000 residents: the 15-24 band (300) pro-rated by 7 of its 10 years, plus every older band.
        Assert.True(population.Profile.AgeEstimated);
        Assert.Equal(210 + 900 + 750 + 600, population.Profile.Inhabitants, 6);
        Assert.Equal(3000, population.Profile.Characteristics["inhabitants"].Value);
        Assert.False(population.Profile.Characteristics["ses_score"].HasValue);
    }

    [Fact]
    public async Task A_responsibility_that_has_ended_is_listed_only_when_asked_for()
    {
        var ended = await ResponsibleAsync("Centrum 18+ afgelopen", "nieuwkoop-samen", to: "2024-03-31");

        var current = await CallAsync("provider-nieuwkoop-samen", new ListMyPopulationsRequest { AsOf = "2024-06-01" });
        var all = await CallAsync("provider-nieuwkoop-samen", new ListMyPopulationsRequest { AsOf = "2024-06-01", IncludeInactive = true });

        Assert.DoesNotContain(current.Populations, p => p.PopulationId == ended.ToString());
        Assert.Contains(all.Populations, p => p.PopulationId == ended.ToString());
    }

    [Fact]
    public async Task A_bad_date_is_an_invalid_argument_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync("provider-tom-in-de-buurt", new ListMyPopulationsRequest { AsOf = "1-6-2024" }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetFieldViolations(), v => v.Field == "as_of");
    }

    [Fact]
    public async Task Municipal_staff_are_refused_and_a_missing_token_is_unauthenticated()
    {
        var staffToken = await fixture.Tokens.PasswordTokenAsync("advisor.alphen");
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await Client(staffToken).ListMyPopulationsAsync(new ListMyPopulationsRequest()));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var unauthenticated = await Assert.ThrowsAsync<RpcException>(async () => await Client(token: null).ListMyPopulationsAsync(new ListMyPopulationsRequest()));
        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task One_provider_at_a_time_answers_for_a_population()
    {
        var id = await ResponsibleAsync("Centrum 18+ dubbel", "tom-in-de-buurt");
        using var contracts = await fixture.ClientForAsync("contracts.alphen");
        using var second = await contracts.PostAsJsonAsync($"/api/populations/populations/{id}/responsibilities", new { providerId = "rijnland-jeugd", validFrom = "2024-06-01" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        using var notContracts = await advisor.PostAsJsonAsync($"/api/populations/populations/{id}/responsibilities", new { providerId = "rijnland-jeugd", validFrom = "2024-06-01" });
        Assert.Equal(HttpStatusCode.Forbidden, notContracts.StatusCode);
        using var badId = await contracts.PostAsJsonAsync($"/api/populations/populations/{id}/responsibilities", new { providerId = "Tom In De Buurt!", validFrom = "2024-06-01" });
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        var events = await fixture.AsOwnerAsync<long>(
            "SELECT count(*) FROM platform.outbox_messages WHERE message_type LIKE '%PopulationResponsibilityAssigned%' AND body::text LIKE '%' || $1 || '%'", id.ToString());
        Assert.Equal(1, events);
    }
}
