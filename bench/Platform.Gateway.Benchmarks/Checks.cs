using System.Net;
using System.Net.Http.Headers;

namespace Platform.Gateway.Benchmarks;

/// <summary>Every target answers correctly before any is measured: wrk counts answers, not their content.</summary>
internal static class Checks
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task AllAnswerAsync(IEnumerable<Uri> urls, string bearerToken, CancellationToken cancellationToken)
    {
        foreach (var url in urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
            using var response = await s_http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || !body.AsSpan().SequenceEqual(PingBackend.Body))
            {
                throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} with {body.Length} bytes, not the backend's answer.");
            }
        }
    }

    /// <summary>The gateway really checks the token: without one, the request never reaches the backend.</summary>
    public static async Task GatewayRefusesAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await s_http.GetAsync(url, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} without a token, not 401.");
        }
    }
}
