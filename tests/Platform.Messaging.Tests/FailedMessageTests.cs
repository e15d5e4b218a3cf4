using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Messaging.DeadLetters;
using Platform.Testing;

namespace Platform.Messaging.Tests;

public class FailedMessageTests
{
    [Fact]
    public async Task A_message_whose_handler_keeps_failing_is_parked_with_its_exception_and_can_be_replayed()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        var database = infrastructure.PostgresOwnerConnectionString(infrastructure.NewDatabaseName("parked"));
        await using var service = await TestService.StartAsync("parked", database, infrastructure.RabbitMqUri);
        using var http = new HttpClient { BaseAddress = service.BaseAddress };
        var failedMessages = service.Services.GetRequiredService<FailedMessages>();
        var queue = service.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<ThingHappenedConsumer>();
        service.Scope.Broken = true;

        var response = await http.PostAsync("/things/poison", null);
        var eventId = await response.Content.ReadFromJsonAsync<Guid>();

        IReadOnlyList<DeadLetter> parked = [];
        Assert.True(await Eventually.TrueAsync(async () => (parked = await failedMessages.ListAsync(queue)).Count == 1));
        var letter = Assert.Single(parked);
        Assert.Equal(eventId.ToString(), letter.MessageId);
        Assert.Equal(typeof(InvalidOperationException).FullName, letter.ExceptionType);
        Assert.Contains("Handler is broken for poison", letter.ExceptionMessage, StringComparison.Ordinal);
        Assert.Equal(0L, await service.CountAsync("SELECT count(*) FROM applied"));

        service.Scope.Broken = false;
        Assert.Equal(1, await failedMessages.ReplayAsync(queue, letter.MessageId));

        Assert.True(await Eventually.TrueAsync(async () => await service.CountAsync("SELECT count(*) FROM applied WHERE event_id = $1", eventId) == 1));
        Assert.Empty(await failedMessages.ListAsync(queue));
    }
}
