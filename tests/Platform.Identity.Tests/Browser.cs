using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Identity.Tests;

/// <summary>
/// What a browser does with the identity provider's pages: keeps cookies (any Path the server names, as
/// browsers do), follows nothing by itself, and submits forms.
/// </summary>
internal sealed partial class Browser : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly Dictionary<(string Name, string Path), string> _cookies = [];

    public async Task<Page> GetAsync(Uri uri) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, uri));

    public async Task<Page> PostAsync(Uri uri, IEnumerable<KeyValuePair<string, string>> form) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, uri) { Content = new FormUrlEncodedContent(form) });

    /// <summary>Submits the page's form <paramref name="formId"/> with its hidden fields and <paramref name="fields"/>.</summary>
    public Task<Page> SubmitAsync(Page page, string formId, params (string Name, string Value)[] fields)
    {
        var form = FormTag(formId).Match(page.Html);
        Assert.True(form.Success, $"No form {formId} in:\n{page.Html}");
        var action = new Uri(page.Uri, WebUtility.HtmlDecode(form.Groups["action"].Value));
        var values = HiddenInput().Matches(page.Html)
            .Select(input => new KeyValuePair<string, string>(input.Groups["name"].Value, WebUtility.HtmlDecode(input.Groups["value"].Value)))
            .Concat(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)));
        return PostAsync(action, values);
    }

    private async Task<Page> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            var path = request.RequestUri!.AbsolutePath;
            var cookies = _cookies.Where(cookie => path.StartsWith(cookie.Key.Path, StringComparison.Ordinal))
                .Select(cookie => $"{cookie.Key.Name}={cookie.Value}")
                .ToList();
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies));
            }
            using var response = await _http.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                Remember(header);
            }
            var location = response.Headers.Location is { } target ? new Uri(request.RequestUri, target) : null;
            return new Page(request.RequestUri, response.StatusCode, location, await response.Content.ReadAsStringAsync());
        }
    }

    private void Remember(string setCookie)
    {
        var parts = setCookie.Split(';', StringSplitOptions.TrimEntries);
        var (name, value) = (parts[0][..parts[0].IndexOf('=', StringComparison.Ordinal)], parts[0][(parts[0].IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var path = parts.Skip(1).FirstOrDefault(part => part.StartsWith("path=", StringComparison.OrdinalIgnoreCase))?[5..] ?? "/";
        var expired = parts.Any(part => part.StartsWith("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        if (expired || value.Length == 0)
        {
            _cookies.Remove((name, path));
        }
        else
        {
            _cookies[(name, path)] = value;
        }
    }

    public void Dispose() => _http.Dispose();

    private static Regex FormTag(string id) =>
        new($"<form[^>]*id=\"{Regex.Escape(id)}\"[^>]*action=\"(?<action>[^\"]*)\"", RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}

/// <summary>A response as a browser sees it.</summary>
internal sealed record Page(Uri Uri, HttpStatusCode Status, Uri? Location, string Html)
{
    public string? Query(string name) => Location is null
        ? null
        : System.Web.HttpUtility.ParseQueryString(Location.Query)[name];
}
