using System.Net;
using Platform.Testing;

namespace Platform.Messaging.Tests;

public class HealthTests
{
    [Fact]
    public async Task Health_turns_unhealthy_when_the_database_stops_and_healthy_when_it_returns()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        await using var postgres = await PrivateServers.StartPostgresAsync();
        await using var service = await TestService.StartAsync("dbhealth", postgres.OwnerConnectionString("healthdb"), infrastructure.RabbitMqUri);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        Assert.True(await Eventually.TrueAsync(async () => (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK));

        await postgres.StopAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(async () => (await http.GetAsync("/health")).StatusCode == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);

        await postgres.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(async () => (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Health_turns_unhealthy_when_the_broker_stops_and_healthy_when_it_returns()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        await using var broker = await PrivateServers.StartRabbitMqAsync();
        var database = infrastructure.PostgresOwnerConnectionString(infrastructure.NewDatabaseName("brokerhealth"));
        await using var service = await TestService.StartAsync("brokerhealth", database, broker.AmqpUri);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        Assert.True(await Eventually.TrueAsync(async () => (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK));

        await broker.StopAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(async () => (await http.GetAsync("/health")).StatusCode == HttpStatusCode.ServiceUnavailable));

        await broker.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(async () => (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90)));
    }
}
