using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;

namespace Platform.AppHost.Operations;

/// <summary>A service's error queues that hold messages, from RabbitMQ's management API.</summary>
internal static class ErrorQueues
{
    private const string Suffix = "_error";

    /// <returns>The queues (without <c>_error</c>) whose error queue holds messages; the service's queues start with its name.</returns>
    public static async Task<IReadOnlyList<string>> WithMessagesAsync(
        Uri broker, Uri management, string serviceName, HttpClient client, CancellationToken cancellationToken)
    {
        var virtualHost = broker.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(management, $"api/queues/{Uri.EscapeDataString(virtualHost)}"));
        // The broker's user, from the AMQP address: the same user the services connect as.
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(broker.UserInfo))));
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var queues = await response.Content.ReadFromJsonAsync<List<Queue>>(cancellationToken) ?? [];
        return [.. queues
            .Where(queue => queue.Name.StartsWith(serviceName, StringComparison.Ordinal)
                && queue.Name.EndsWith(Suffix, StringComparison.Ordinal) && queue.Messages > 0)
            .Select(queue => queue.Name[..^Suffix.Length])];
    }

    private sealed record Queue([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("messages")] long Messages);
}
