using System.Net.Http.Headers;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Platform.Messaging.DeadLetters;

namespace Platform.AppHost.Operations;

/// <summary>Dashboard commands for operators; each logs its outcome to the resource's console log.</summary>
internal static class OperatorCommands
{
    public const string ResendPopulationsState = "resend-populations-state";
    public const string ReplayFailedMessages = "replay-failed-messages";

    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>
    /// Publishes the populations service's whole state again (its administrator endpoint), for a service that
    /// joined later or restored an old copy; consumers apply it idempotently.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithResendStateCommand(
        this IResourceBuilder<ProjectResource> populations, ReferenceExpression identityUrl)
    {
        var endpoint = populations.GetEndpoint("http");
        return populations.WithCommand(ResendPopulationsState, "Re-send populations state", async context =>
        {
            var logger = ResourceLogger(context);
            try
            {
                var configuration = context.Services.GetRequiredService<IConfiguration>();
                var token = await OperatorToken.GetAsync(
                    (await identityUrl.GetValueAsync(context.CancellationToken))!, configuration, s_http, context.CancellationToken);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{endpoint.Url}/api/populations/events/resend"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await s_http.SendAsync(request, context.CancellationToken);
                var body = await response.Content.ReadAsStringAsync(context.CancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogError("Re-sending the populations state failed ({Status}): {Body}", (int)response.StatusCode, body);
                    return CommandResults.Failure($"The service answered {(int)response.StatusCode}: {body}");
                }
                logger.LogInformation("Populations state re-sent: {Report}", body);
                return CommandResults.Success($"Re-sent: {body}");
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                logger.LogError(exception, "Re-sending the populations state failed");
                return CommandResults.Failure(exception.Message);
            }
        }, WhenHealthy(
            "Publish every region, municipality, population and CBS figure set again to the services that consume them?",
            "Publishes the service's whole state again; consumers apply it idempotently.",
            "ArrowSync"));
    }

    /// <summary>
    /// Sends the messages parked in the service's error queues (<c>&lt;queue&gt;_error</c>, after a consumer gave up on
    /// them) back to their queues, once the cause is fixed. Talks to RabbitMQ directly: the management API names the
    /// queues, <see cref="FailedMessages"/> moves the messages without losing one.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReplayFailedMessagesCommand(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<IResourceWithConnectionString> messaging)
    {
        var serviceName = service.Resource.Name;
        return service.WithCommand(ReplayFailedMessages, "Replay failed messages", async context =>
        {
            var logger = ResourceLogger(context);
            try
            {
                var broker = new Uri((await messaging.Resource.GetConnectionStringAsync(context.CancellationToken))!);
                var management = ((IResourceWithEndpoints)messaging.Resource).GetEndpoint("management");
                var queues = await ErrorQueues.WithMessagesAsync(broker, new Uri(management.Url), serviceName, s_http, context.CancellationToken);
                var replayed = 0;
                foreach (var queue in queues)
                {
                    var count = await new FailedMessages(broker).ReplayAsync(queue, ct: context.CancellationToken);
                    logger.LogInformation("Replayed {Count} message(s) from {Queue}_error to {Queue}", count, queue, queue);
                    replayed += count;
                }
                logger.LogInformation("Replayed {Count} failed message(s) of {Service}", replayed, serviceName);
                return CommandResults.Success($"Replayed {replayed} message(s) from {queues.Count} error queue(s).");
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException
                or TaskCanceledException or RabbitMQ.Client.Exceptions.BrokerUnreachableException)
            {
                logger.LogError(exception, "Replaying failed messages of {Service} failed", serviceName);
                return CommandResults.Failure(exception.Message);
            }
        }, WhenHealthy(
            $"Send every message in {serviceName}'s error queues back to its queue? Do this once the cause of the failures is fixed.",
            "Moves the messages a consumer gave up on back to their queues.",
            "ArrowRepeatAll"));
    }

    private static ILogger ResourceLogger(ExecuteCommandContext context) =>
        context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(context.ResourceName);

    private static CommandOptions WhenHealthy(string confirmation, string description, string icon) => new()
    {
        ConfirmationMessage = confirmation,
        Description = description,
        IconName = icon,
        UpdateState = context => context.ResourceSnapshot.HealthStatus == HealthStatus.Healthy
            ? ResourceCommandState.Enabled
            : ResourceCommandState.Disabled,
    };
}
