using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.Messaging.Tests;

public class OutboxTests
{
    private static async Task<(string Database, Uri Broker)> SharedAsync(string prefix)
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        var database = infrastructure.NewDatabaseName(prefix);
        return (infrastructure.PostgresOwnerConnectionString(database), infrastructure.RabbitMqUri);
    }

    [Fact]
    public async Task An_event_committed_while_the_broker_is_down_is_delivered_after_it_restarts()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        await using var broker = await PrivateServers.StartRabbitMqAsync();
        var database = infrastructure.PostgresOwnerConnectionString(infrastructure.NewDatabaseName("outage"));
        await using var service = await TestService.StartAsync("outage", database, broker.AmqpUri);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        await broker.StopAsync(CancellationToken.None);
        var response = await http.PostAsync("/things/during-outage", null);
        response.EnsureSuccessStatusCode();
        var eventId = await response.Content.ReadFromJsonAsync<Guid>();

        Assert.True(await Eventually.TrueAsync(async () =>
            await service.CountAsync("SELECT count(*) FROM platform.outbox_messages WHERE message_id = $1 AND attempts > 0 AND sent_at IS NULL", eventId) == 1),
            "the relay should have tried and failed while the broker was down");
        Assert.Equal(0L, await service.CountAsync("SELECT count(*) FROM applied"));

        await broker.StartAsync(CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(async () =>
            await service.CountAsync("SELECT count(*) FROM applied WHERE event_id = $1", eventId) == 1, TimeSpan.FromSeconds(90)));
    }

    [Fact]
    public async Task A_state_change_that_rolls_back_publishes_nothing()
    {
        var (database, broker) = await SharedAsync("rollback");
        await using var service = await TestService.StartAsync("rollback", database, broker);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };

        var failed = await http.PostAsync("/things/rolled-back?fail=true", null);
        var committed = await http.PostAsync("/things/committed", null);

        Assert.False(failed.IsSuccessStatusCode);
        committed.EnsureSuccessStatusCode();
        Assert.True(await Eventually.TrueAsync(async () => await service.CountAsync("SELECT count(*) FROM applied WHERE name = 'committed'") == 1));
        Assert.Equal(0L, await service.CountAsync("SELECT count(*) FROM things WHERE name = 'rolled-back'"));
        Assert.Equal(1L, await service.CountAsync("SELECT count(*) FROM platform.outbox_messages"));
        Assert.Equal(0L, await service.CountAsync("SELECT count(*) FROM applied WHERE name = 'rolled-back'"));
    }

    [Fact]
    public async Task Two_instances_relaying_one_outbox_apply_every_event_exactly_once()
    {
        var (database, broker) = await SharedAsync("tworelays");
        await using var first = await TestService.StartAsync("tworelays", database, broker);
        await using var second = await TestService.StartAsync("tworelays", database, broker);
        using var toFirst = new HttpClient { BaseAddress = first.BaseAddress };
        using var toSecond = new HttpClient { BaseAddress = second.BaseAddress };
        const int Events = 300;

        await Parallel.ForAsync(0, Events, async (i, ct) =>
            (await (i % 2 == 0 ? toFirst : toSecond).PostAsync($"/things/thing-{i}", null, ct)).EnsureSuccessStatusCode());

        Assert.True(await Eventually.TrueAsync(async () => await first.CountAsync("SELECT count(*) FROM applied") >= Events));
        Assert.Equal((long)Events, await first.CountAsync("SELECT count(DISTINCT event_id) FROM applied"));
        Assert.Equal((long)Events, await first.CountAsync("SELECT count(*) FROM applied"));
        Assert.Equal(0L, await first.CountAsync("SELECT count(*) FROM platform.outbox_messages WHERE sent_at IS NULL"));
    }
}
