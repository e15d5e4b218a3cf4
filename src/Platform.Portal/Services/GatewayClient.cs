using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Platform.Portal.Services;

/// <summary>What a service answered: its body, or why not.</summary>
public sealed record ServiceAnswer(HttpStatusCode Status, JsonElement Body, IReadOnlyDictionary<string, string[]> Errors, string? Detail)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;
    public bool NotFound => Status == HttpStatusCode.NotFound;
    public bool Forbidden => Status == HttpStatusCode.Forbidden;
    public bool Unauthorized => Status == HttpStatusCode.Unauthorized;

    /// <summary>The field's validation messages, for display next to the field.</summary>
    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages
            ? string.Join(" ", messages)
            : null;
}

/// <summary>
/// Calls the services through the gateway as the signed-in user: the access token the gateway forwarded with the
/// page request goes back to the gateway as a bearer token, so the gateway and the services authorize the user
/// and row-level security decides what comes back. The token never reaches the browser.
/// </summary>
public sealed class GatewayClient(IHttpClientFactory clients, IHttpContextAccessor accessor)
{
    public const string HttpClientName = "gateway";

    public static Uri GatewayAddress(IConfiguration configuration) =>
        new(configuration["Portal:GatewayUrl"] ?? configuration["services:gateway:http:0"] ?? "http://localhost:5000");

    public Task<ServiceAnswer> GetAsync(string path, CancellationToken ct = default) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<ServiceAnswer> PostAsync(string path, object? body, CancellationToken ct = default) => SendAsync(HttpMethod.Post, path, body, ct);

    public Task<ServiceAnswer> PutAsync(string path, object? body, CancellationToken ct = default) => SendAsync(HttpMethod.Put, path, body, ct);

    public async Task<HttpResponseMessage> GetRawAsync(string path, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, path, null);
        return await clients.CreateClient(HttpClientName).SendAsync(request, ct);
    }

    private async Task<ServiceAnswer> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = Request(method, path, body);
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var json = default(JsonElement);
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            json = JsonDocument.Parse(text).RootElement.Clone();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string? detail = null;
        if (!response.IsSuccessStatusCode && json.ValueKind == JsonValueKind.Object)
        {
            if (json.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in fields.EnumerateObject())
                {
                    errors[field.Name] = [.. field.Value.EnumerateArray().Select(m => m.GetString() ?? "")];
                }
            }

            detail = json.TryGetProperty("detail", out var d) ? d.GetString()
                : json.TryGetProperty("title", out var t) ? t.GetString() : null;
        }

        return new ServiceAnswer(response.StatusCode, json, errors, detail);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (accessor.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 7 } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", authorization[7..]);
        }

        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        }

        return request;
    }
}
