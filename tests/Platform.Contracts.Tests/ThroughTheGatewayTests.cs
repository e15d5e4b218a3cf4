using System.Net;
using System.Net.Http.Headers;
using Platform.Provider.V1;
using Platform.Testing;

namespace Platform.Contracts.Tests;

/// <summary>The contracts service behind a real gateway process, the way staff and provider systems reach it.</summary>
[Collection(SharedContractsService.Name)]
public sealed class ThroughTheGatewayTests(ContractsFixture fixture) : IAsyncLifetime
{
    private readonly Scenario _scenario = new(fixture);
    private GatewayProcess? _gateway;

    public async Task InitializeAsync()
    {
        _gateway = GatewayProcess.Prepare();
        await _gateway.StartAsync(fixture.Issuer, new Dictionary<string, string>
        {
            ["services__contracts__http__0"] = fixture.BaseAddress.ToString().TrimEnd('/'),
            ["services__contracts__grpc__0"] = fixture.GrpcAddress.ToString().TrimEnd('/'),
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
    public async Task Staff_reach_the_contracts_and_a_provider_lists_its_own_over_grpc_through_the_gateway()
    {
        var id = await _scenario.ActiveAsync(Scenario.Terms([await _scenario.PopulationAsync()]));
        using var advisor = new HttpClient { BaseAddress = _gateway!.BaseAddress };
        advisor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.Tokens.PasswordTokenAsync("advisor.alphen"));
        var token = await fixture.Tokens.ClientCredentialsTokenAsync("provider-tom-in-de-buurt");
        var provider = new ProviderContracts.ProviderContractsClient(GrpcTestClients.Invoker(_gateway.GrpcAddress, token));

        var rest = await advisor.GetAsync($"/api/contracts/contracts/{id}");
        var grpc = await provider.ListMyContractsAsync(new ListMyContractsRequest());

        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Contains(grpc.Contracts, c => c.ContractId == id.ToString());
    }
}
