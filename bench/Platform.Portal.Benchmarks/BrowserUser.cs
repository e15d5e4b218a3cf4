using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Portal.Benchmarks;

/// <summary>
/// A signed-in staff member as the gateway sees a browser: a cookie jar holding the gateway's session, which the
/// login (authorization code flow through the identity provider's own form) opened.
/// </summary>
internal sealed partial class BrowserUser : IDisposable
{
    private readonly HttpClient _client;

    private BrowserUser(Uri gateway) =>
        _client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromMinutes(2),
        };

    public static async Task<BrowserUser> SignInAsync(Uri gateway, string username, string password)
    {
        var user = new BrowserUser(gateway);
        using var form = await user._client.GetAsync(new Uri("/login?returnUrl=/", UriKind.Relative));
        var html = await form.Content.ReadAsStringAsync();
        var action = FormAction().Match(html);
        if (!action.Success)
        {
            user.Dispose();
            throw new InvalidOperationException($"No login form at {form.RequestMessage?.RequestUri}: {(int)form.StatusCode}");
        }

        var fields = HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["username"] = username;
        fields["password"] = password;
        var target = new Uri(form.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(action.Groups["action"].Value));
        using var signedIn = await user._client.PostAsync(target, new FormUrlEncodedContent(fields));
        if (signedIn.StatusCode != HttpStatusCode.OK || signedIn.RequestMessage?.RequestUri?.Authority != gateway.Authority)
        {
            user.Dispose();
            throw new InvalidOperationException($"{username} was not signed in: {(int)signedIn.StatusCode} at {signedIn.RequestMessage?.RequestUri}");
        }

        return user;
    }

    /// <summary>GETs a page and reads it whole; the page's size in bytes.</summary>
    public async Task<int> GetPageAsync(string path, CancellationToken cancel)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), cancel);
        var body = await response.Content.ReadAsByteArrayAsync(cancel);
        return response.StatusCode == HttpStatusCode.OK && response.RequestMessage?.RequestUri?.AbsolutePath == path.Split('?')[0]
            ? body.Length
            : throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
