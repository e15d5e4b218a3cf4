using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Platform.Provider.V1;
using Platform.Testing;
using static Platform.Populations.Tests.Service.PopulationRequests;

namespace Platform.Populations.Tests.Service;

/// <summary>The populations service behind a real gateway process, the way staff and provider systems reach it.</summary>
public sealed class ThroughTheGatewayTests(PopulationsFixture fixture) : IClassFixture<PopulationsFixture>, IAsyncLifetime
{
    private GatewayProcess? _gateway;

    public async Task InitializeAsync()
    {
        await DemoAreas.SeedAsync(fixture);
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        _gateway = GatewayProcess.Prepare();
        await _gateway.StartAsync(identity.Issuer, new Dictionary<string, string>
        {
            ["services__populations__http__0"] = fixture.BaseAddress.ToString().TrimEnd('/'),
            ["services__populations__grpc__0"] = fixture.GrpcAddress.ToString().TrimEnd('/'),
        });
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    [Fact]
    public async Task Staff_define_and_assign_through_the_gateway_and_the_provider_reads_its_population_over_grpc()
    {
        using var advisor = new HttpClient { BaseAddress = _gateway!.BaseAddress };
        advisor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.Tokens.PasswordTokenAsync("advisor.alphen"));
        var id = (await DefineAsync(advisor, Population("Via de gateway", ["WK048402"], 18, null, ["Wmo"], validFrom: "2024-01-01"))).Id();
        await ActivateAsync(advisor, id);

        using var contracts = new HttpClient { BaseAddress = _gateway.BaseAddress };
        contracts.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.Tokens.PasswordTokenAsync("contracts.alphen"));
        using var assigned = await contracts.PostAsJsonAsync($"/api/populations/populations/{id}/responsibilities", new { providerId = "tom-in-de-buurt", validFrom = "2024-01-01" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);

        var token = await fixture.ProviderTokenAsync("provider-tom-in-de-buurt");
        var provider = new ProviderPopulations.ProviderPopulationsClient(GrpcTestClients.Invoker(_gateway.GrpcAddress, token));
        var mine = await provider.ListMyPopulationsAsync(new ListMyPopulationsRequest { AsOf = "2024-06-01" });
        Assert.Contains(mine.Populations, p => p.PopulationId == id.ToString() && p.Name == "Via de gateway");

        // The provider's token reaches the provider API and nothing else.
        using var staffApi = new HttpClient { BaseAddress = _gateway.BaseAddress };
        staffApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await staffApi.GetAsync("/api/populations/populations")).StatusCode);

        var staffToken = await fixture.Tokens.PasswordTokenAsync("advisor.alphen");
        var staffOverGrpc = new ProviderPopulations.ProviderPopulationsClient(GrpcTestClients.Invoker(_gateway.GrpcAddress, staffToken));
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await staffOverGrpc.ListMyPopulationsAsync(new ListMyPopulationsRequest()));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var list = await advisor.GetFromJsonAsync<JsonElement[]>("/api/populations/populations");
        Assert.Contains(list!, p => p.Id() == id);
    }

    [Fact]
    public async Task The_gateway_answers_grpc_health_itself()
    {
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcTestClients.HealthAsync(_gateway!.GrpcAddress));
    }
}
