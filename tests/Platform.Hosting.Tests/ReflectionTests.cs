using Platform.Hosting.Tests.Hosting;
using Platform.Testing;

namespace Platform.Hosting.Tests;

/// <summary>Server reflection, as grpcurl uses it to list and describe services without the .proto files.</summary>
public class ReflectionTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    [Fact]
    public async Task Reflection_lists_every_mapped_service_without_a_token()
    {
        var services = await GrpcTestClients.ListServicesAsync(fixture.Server.GrpcAddress);

        Assert.Contains("platform.testing.v1.Interop", services);
        Assert.Contains("platform.provider.v1.ProviderIdentity", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
