using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Portal.Tests;

/// <summary>
/// The demo data the budgets and outcomes screens show: it follows the demo contracts through the broker, so the
/// tests wait for it (bounded) through the API, as the signed-in user would see it.
/// </summary>
internal static class DemoData
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    /// <summary>The municipality's demo budget, once it has an adopted version.</summary>
    public static Task<JsonElement> AdoptedBudgetAsync(PortalFixture platform, string user) =>
        WaitForAsync(platform, user, "/api/budgets/budgets", budgets => budgets.EnumerateArray()
            .FirstOrDefault(b => b.GetProperty("versions").EnumerateArray().Any(v => v.GetProperty("status").GetString() == "adopted")),
            "an adopted demo budget");

    /// <summary>The stored evaluation of an indicator's agreement for a whole year.</summary>
    public static Task<JsonElement> EvaluationAsync(PortalFixture platform, string user, string indicator, int year) =>
        WaitForAsync(platform, user, "/api/outcomes/evaluations", evaluations => evaluations.EnumerateArray().FirstOrDefault(e =>
            e.GetProperty("indicator").GetString() == indicator
            && e.GetProperty("periodStart").GetString() == $"{year}-01-01" && e.GetProperty("periodEnd").GetString() == $"{year}-12-31"),
            $"the {year} evaluation of {indicator}");

    /// <summary>A JSON request through the gateway with the user's own token; the status and body, whatever they are.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(PortalFixture platform, string user, HttpMethod method, string path, object? body = null)
    {
        using var client = new HttpClient { BaseAddress = platform.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.Tokens.PasswordTokenAsync(user));
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text[0] is '{' or '[' ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private static async Task<JsonElement> WaitForAsync(PortalFixture platform, string user, string path, Func<JsonElement, JsonElement> find, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var (status, body) = await SendAsync(platform, user, HttpMethod.Get, path);
            if (status == HttpStatusCode.OK && find(body) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what} did not arrive within {Patience.TotalMinutes} minutes (last answer {(int)status}).");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
