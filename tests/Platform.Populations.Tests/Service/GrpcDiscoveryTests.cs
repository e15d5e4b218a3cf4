using Grpc.Health.V1;
using Platform.Testing;

namespace Platform.Populations.Tests.Service;

/// <summary>What grpcurl and orchestrators see on the service's h2c listener, without a token.</summary>
public sealed class GrpcDiscoveryTests(PopulationsFixture fixture) : IClassFixture<PopulationsFixture>
{
    [Fact]
    public async Task Server_reflection_lists_the_provider_services()
    {
        var services = await GrpcTestClients.ListServicesAsync(fixture.GrpcAddress);

        Assert.Contains("platform.provider.v1.ProviderPopulations", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Grpc_health_is_serving_for_the_server_and_its_provider_service()
    {
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcTestClients.HealthAsync(fixture.GrpcAddress));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcTestClients.HealthAsync(fixture.GrpcAddress, "platform.provider.v1.ProviderPopulations"));
    }
}
