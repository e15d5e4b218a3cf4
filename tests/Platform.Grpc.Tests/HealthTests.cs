using Platform.Grpc.Client;
using Platform.Grpc.Health;
using Platform.Grpc.Tests.Hosting;
using Platform.Grpc.Tests.PeerRunners;
using Platform.Persistence;
using Platform.Persistence.Migrations;
using Platform.Testing;
using ServingStatus = Platform.Grpc.Health.HealthCheckResponse.Types.ServingStatus;

namespace Platform.Grpc.Tests;

/// <summary>grpc.health.v1.Health follows the readiness checks: here, the service's own PostgreSQL database.</summary>
public class HealthTests
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Health = HealthReflection.Descriptor.Services[0];
    private static readonly GrpcMethod<HealthCheckRequest, HealthCheckResponse> Check =
        GrpcMethod.From<HealthCheckRequest, HealthCheckResponse>(Health.FindMethodByName("Check"));
    private static readonly GrpcMethod<HealthCheckRequest, HealthCheckResponse> Watch =
        GrpcMethod.From<HealthCheckRequest, HealthCheckResponse>(Health.FindMethodByName("Watch"));

    [Fact]
    public async Task Check_and_watch_report_not_serving_while_the_database_is_down_and_serving_after()
    {
        await using var postgres = await PrivateServers.StartPostgresAsync();
        await using var server = await StartWithDatabaseAsync(postgres);
        var client = GrpcClient.Create(server.GrpcAddress);
        Assert.True(await Eventually.TrueAsync(async () => await StatusAsync(client, "") == ServingStatus.Serving));

        await using var watch = client.ServerStreaming(Watch, new HealthCheckRequest { Service = "platform.testing.v1.Interop" });
        await using var changes = watch.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, changes.Current.Status);

        await postgres.StopAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(async () => await StatusAsync(client, "") == ServingStatus.NotServing));
        var python = await PythonClient.CallAsync(server.GrpcAddress, Calls.HealthCheck("platform.testing.v1.Interop"));
        Assert.Equal("NOT_SERVING", python.Responses[0].GetProperty("status").GetString());
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(ServingStatus.NotServing, changes.Current.Status);

        await postgres.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(async () => await StatusAsync(client, "") == ServingStatus.Serving));
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, changes.Current.Status);
    }

    [Fact]
    public async Task An_unknown_service_is_not_found_by_check_and_service_unknown_to_watch()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = GrpcClient.Create(server.GrpcAddress);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(Check, new HealthCheckRequest { Service = "no.such.Service" }));
        await using var watch = client.ServerStreaming(Watch, new HealthCheckRequest { Service = "no.such.Service" });
        await using var changes = watch.ReadAllAsync().GetAsyncEnumerator();

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(ServingStatus.ServiceUnknown, changes.Current.Status);
    }

    [Fact]
    public async Task Without_readiness_checks_every_mapped_service_is_serving()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = GrpcClient.Create(server.GrpcAddress);

        Assert.Equal(ServingStatus.Serving, await StatusAsync(client, ""));
        Assert.Equal(ServingStatus.Serving, await StatusAsync(client, "platform.provider.v1.ProviderIdentity"));
        Assert.Equal(ServingStatus.Serving, await StatusAsync(client, "grpc.health.v1.Health"));
    }

    private static async Task<ServingStatus> StatusAsync(GrpcClient client, string service) =>
        (await client.UnaryAsync(Check, new HealthCheckRequest { Service = service })).Status;

    private static Task<GrpcTestServer> StartWithDatabaseAsync(PrivatePostgres postgres) =>
        GrpcTestServer.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:grpchealthdb"] = postgres.OwnerConnectionString("grpchealthdb") },
            builder => builder.AddPlatformDatabase("grpchealthdb", MigrationSource.FromMigrations("grpchealth", [new Migration("grpchealth", 1, "marker", "CREATE TABLE marker (id int);")])));
}
