using Grpc.Health.V1;
using Grpc.HealthCheck;
using Platform.Hosting.Tests.Hosting;
using Platform.Hosting.Tests.PeerRunners;
using Platform.Persistence;
using Platform.Persistence.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Platform.Hosting.Tests;

/// <summary>grpc.health.v1.Health follows the readiness checks: here, the service's own PostgreSQL database.</summary>
public class HealthTests
{
    [Fact]
    public async Task Check_and_watch_report_not_serving_while_the_database_is_down_and_serving_after()
    {
        await using var postgres = await PrivateServers.StartPostgresAsync();
        await using var server = await StartWithDatabaseAsync(postgres);
        using var channel = TestChannels.For(server.GrpcAddress);
        var client = new Health.HealthClient(channel);
        Assert.True(await Eventually.TrueAsync(async () => await StatusAsync(client, "") == ServingStatus.Serving));

        using var watch = client.Watch(new HealthCheckRequest { Service = "platform.testing.v1.Interop" });
        var changes = watch.ResponseStream;
        Assert.Equal(ServingStatus.Serving, await FirstPublishedAsync(changes));
        // The watch's first answer is computed afresh, its later ones are the publisher's changes: until the
        // publisher has published SERVING too (it may have published NOT_SERVING while migrating), a stop would be
        // no change to it and the watch would stay silent.
        var published = server.Services.GetRequiredService<HealthServiceImpl>();
        Assert.True(await Eventually.TrueAsync(async () => await PublishedStatusAsync(published, "platform.testing.v1.Interop") == ServingStatus.Serving));

        await postgres.StopAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(async () => await StatusAsync(client, "") == ServingStatus.NotServing));
        var python = await PythonClient.CallAsync(server.GrpcAddress, Calls.HealthCheck("platform.testing.v1.Interop"));
        Assert.Equal("NOT_SERVING", python.Responses[0].GetProperty("status").GetString());
        Assert.Equal(ServingStatus.NotServing, await NextChangeAsync(changes, from: ServingStatus.Serving));

        await postgres.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(async () => await StatusAsync(client, "") == ServingStatus.Serving));
        Assert.Equal(ServingStatus.Serving, await NextChangeAsync(changes, from: ServingStatus.NotServing));
    }

    [Fact]
    public async Task An_unknown_service_is_not_found_by_check_and_service_unknown_to_watch()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = TestChannels.For(server.GrpcAddress);
        var client = new Health.HealthClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }));
        using var watch = client.Watch(new HealthCheckRequest { Service = "no.such.Service" });

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ServingStatus.ServiceUnknown, watch.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task Without_readiness_checks_every_mapped_service_is_serving()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var channel = TestChannels.For(server.GrpcAddress);
        var client = new Health.HealthClient(channel);

        Assert.Equal(ServingStatus.Serving, await StatusAsync(client, ""));
        Assert.Equal(ServingStatus.Serving, await StatusAsync(client, "platform.provider.v1.ProviderIdentity"));
        Assert.Equal(ServingStatus.Serving, await StatusAsync(client, "grpc.health.v1.Health"));
    }

    // Watch reports what the health check publisher last published; a bounded wait fails the test instead of hanging it.
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromSeconds(60);

    // A report published just before the change may still repeat the old status; the change follows it.
    private static async Task<ServingStatus> NextChangeAsync(IAsyncStreamReader<HealthCheckResponse> changes, ServingStatus from)
    {
        using var timeout = new CancellationTokenSource(WatchTimeout);
        while (await changes.MoveNext(timeout.Token))
        {
            if (changes.Current.Status != from)
            {
                return changes.Current.Status;
            }
        }

        throw new InvalidOperationException("The watch ended.");
    }

    // Watch follows the published reports: until the first one it reports SERVICE_UNKNOWN.
    private static async Task<ServingStatus> FirstPublishedAsync(IAsyncStreamReader<HealthCheckResponse> changes)
    {
        using var timeout = new CancellationTokenSource(WatchTimeout);
        while (await changes.MoveNext(timeout.Token))
        {
            if (changes.Current.Status != ServingStatus.ServiceUnknown)
            {
                return changes.Current.Status;
            }
        }

        throw new InvalidOperationException("The watch ended.");
    }

    // Before the publisher's first report the service is unknown to it (NOT_FOUND).
    private static async Task<ServingStatus> PublishedStatusAsync(HealthServiceImpl published, string service)
    {
        try
        {
            return (await published.Check(new HealthCheckRequest { Service = service }, null!)).Status;
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return ServingStatus.ServiceUnknown;
        }
    }

    private static async Task<ServingStatus> StatusAsync(Health.HealthClient client, string service) =>
        (await client.CheckAsync(new HealthCheckRequest { Service = service })).Status;

    private static Task<GrpcTestServer> StartWithDatabaseAsync(PrivatePostgres postgres) =>
        GrpcTestServer.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:grpchealthdb"] = postgres.OwnerConnectionString("grpchealthdb") },
            builder =>
            {
                builder.AddPlatformDatabase("grpchealthdb", MigrationSource.FromMigrations("grpchealth", [new Migration("grpchealth", 1, "marker", "CREATE TABLE marker (id int);")]));
                // Publish every second rather than every 30 s, so the watch follows within the test's patience.
                builder.Services.Configure<HealthCheckPublisherOptions>(publisher =>
                {
                    publisher.Delay = TimeSpan.Zero;
                    publisher.Period = TimeSpan.FromSeconds(1);
                });
            });
}
