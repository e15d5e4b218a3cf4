using System.Text;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.LocalInfrastructure.Tests;

public sealed class RabbitMqServerTests
{
    [Fact]
    public async Task Persistent_messages_survive_a_broker_restart_on_the_same_port()
    {
        await using var rabbitMq = await PrivateServers.StartRabbitMqAsync();
        var uriBefore = rabbitMq.AmqpUri;
        await using (var connection = await new ConnectionFactory { Uri = uriBefore }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("kept", durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync("", "kept", mandatory: false,
                new BasicProperties { Persistent = true }, Encoding.UTF8.GetBytes("still here"));
        }

        await rabbitMq.StopAsync();
        Assert.False(await rabbitMq.IsReadyAsync());
        await rabbitMq.StartAsync();

        Assert.Equal(uriBefore, rabbitMq.AmqpUri);
        await using var reconnected = await new ConnectionFactory { Uri = uriBefore }.CreateConnectionAsync();
        await using var reader = await reconnected.CreateChannelAsync();
        var message = await reader.BasicGetAsync("kept", autoAck: true);
        Assert.Equal("still here", Encoding.UTF8.GetString(message!.Body.Span));
    }

    [Fact]
    public async Task Starting_twice_reuses_the_running_broker()
    {
        var running = (await SharedInfrastructure.GetAsync()).RabbitMq;
        var sameFolder = new RabbitMqServer(running.RootDirectory);

        var outcome = await sameFolder.StartAsync();

        Assert.Equal(StartOutcome.AlreadyRunning, outcome);
        Assert.Equal(running.ProcessId, sameFolder.ProcessId);
        Assert.Equal(running.AmqpUri, sameFolder.AmqpUri);
    }

    [Fact]
    public async Task The_broker_lets_the_platform_account_in_over_amqp()
    {
        var shared = await SharedInfrastructure.GetAsync();
        Assert.StartsWith($"amqp://{RabbitMqServer.User}:", shared.RabbitMqUri.ToString());

        await using var connection = await new ConnectionFactory { Uri = shared.RabbitMqUri }.CreateConnectionAsync();

        Assert.True(connection.IsOpen);
    }
}
