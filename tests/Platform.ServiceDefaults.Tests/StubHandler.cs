using System.Collections.Concurrent;

namespace Platform.ServiceDefaults.Tests;

/// <summary>Stands in for the network: answers each attempt with the response the test scripts for it.</summary>
internal sealed class StubHandler(Func<int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    public ConcurrentQueue<string?> Bodies { get; } = new();

    public static StubHandler Always(System.Net.HttpStatusCode status) => new((_, _) => Task.FromResult(new HttpResponseMessage(status)));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref attempts);
        Bodies.Enqueue(await ReadAsTheTransportDoesAsync(request.Content, cancellationToken));
        return await respond(attempt, cancellationToken);
    }

    // ReadAsStringAsync would buffer the content and so hide a body that cannot be sent twice.
    private static async Task<string?> ReadAsTheTransportDoesAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        using var wire = new MemoryStream();
        await content.CopyToAsync(wire, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(wire.ToArray());
    }
}
