using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Gateway.Tests;

/// <summary>
/// A browser, as far as the login needs one: a cookie jar, redirects followed one at a time (so the
/// test sees each hop), and the identity provider's login form filled in and submitted.
/// </summary>
internal sealed partial class BrowserSession : IDisposable
{
    private readonly HttpClient _client;

    public BrowserSession()
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false });
    }

    public CookieContainer Cookies { get; }

    public List<Uri> Visited { get; } = [];

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => await _client.SendAsync(request);

    /// <summary>GETs <paramref name="start"/> and follows redirects until a page answers.</summary>
    public async Task<HttpResponseMessage> FollowAsync(Uri start)
    {
        var response = await _client.GetAsync(start);
        Visited.Add(start);
        for (var hops = 0; IsRedirect(response) && hops < 10; hops++)
        {
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            Visited.Add(next);
            response = await _client.GetAsync(next);
        }

        return response;
    }

    /// <summary>Fills in the login form on <paramref name="page"/> and follows where it leads.</summary>
    public Task<HttpResponseMessage> LogInAsync(HttpResponseMessage page, string username, string password = "demo") =>
        SubmitFormAsync(page, new Dictionary<string, string> { ["username"] = username, ["password"] = password });

    /// <summary>
    /// Submits the form on <paramref name="page"/> with its hidden fields, as a browser running the
    /// page's script would (the identity provider's logout page submits itself).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(HttpResponseMessage page, IReadOnlyDictionary<string, string>? values = null)
    {
        var html = await page.Content.ReadAsStringAsync();
        var form = FormTag().Match(html);
        Assert.True(form.Success, $"the page {page.RequestMessage?.RequestUri} should hold a form");
        var action = new Uri(page.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(form.Groups["action"].Value));
        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        var response = await _client.PostAsync(action, new FormUrlEncodedContent(fields));
        Visited.Add(action);
        return IsRedirect(response)
            ? await FollowAsync(new Uri(action, response.Headers.Location!))
            : response;
    }

    public void Dispose() => _client.Dispose();

    private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
