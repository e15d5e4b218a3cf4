using System.Text.RegularExpressions;

namespace Platform.Portal.Services;

/// <summary>
/// A chart's CSV download: the service's own CSV of the same query the page drew, fetched as the signed-in user.
/// Only the services that offer CSV are reachable, with <c>format=csv</c> forced.
/// </summary>
internal static class Downloads
{
    private static readonly HashSet<string> Allowed =
        ["referrals/figures", "referrals/figures/funnel", "referrals/region/figures", "referrals/signals", "budgets/scenarios/comparison", "outcomes/results"];

    // A budget's payment schedule is the one download with an id in its path.
    private static readonly Regex Schedule = new("^budgets/budgets/[0-9a-fA-F-]{36}/schedule$", RegexOptions.CultureInvariant);

    public static async Task<IResult> ForwardAsync(string service, string path, HttpContext context, GatewayClient gateway, CancellationToken ct)
    {
        var resource = $"{service}/{path}".TrimEnd('/');
        if (!Allowed.Contains(resource) && !Schedule.IsMatch(resource))
        {
            return Results.NotFound();
        }

        var query = QueryString.Create(context.Request.Query
            .Where(q => q.Key != "format")
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("format", (string?)"csv")));
        using var response = await gateway.GetRawAsync($"/api/{resource}{query}", ct);
        if (!response.IsSuccessStatusCode)
        {
            return Results.StatusCode((int)response.StatusCode);
        }

        var csv = await response.Content.ReadAsByteArrayAsync(ct);
        return Results.File(csv, "text/csv; charset=utf-8", resource.Replace('/', '-') + ".csv");
    }
}
