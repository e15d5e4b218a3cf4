using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>
/// Gets tokens from a Keycloak-shaped token endpoint (<c>&lt;issuer&gt;/protocol/openid-connect/token</c>): the
/// local identity provider in tests, or a real Keycloak with the same realm.
/// </summary>
public sealed class TokenClient(Uri issuer, HttpClient? httpClient = null)
{
    /// <summary>The password of every demo user of the realm file.</summary>
    public const string DemoPassword = "demo";

    /// <summary>The public client with direct access grants, for scripts and tests.</summary>
    public const string CliClientId = "platform-cli";

    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly HttpClient _http = httpClient ?? s_http;

    public Uri Issuer { get; } = issuer;

    public Uri TokenEndpoint => new($"{Issuer.ToString().TrimEnd('/')}/protocol/openid-connect/token");

    /// <summary>The development secret of a client in the realm file: <c>&lt;clientId&gt;-dev-secret</c>.</summary>
    public static string DevelopmentSecret(string clientId) =>
        clientId == "platform-gateway" ? "gateway-dev-secret" : $"{clientId}-dev-secret";

    /// <summary>An access token for a demo user, by the password grant of <c>platform-cli</c>; throws when refused.</summary>
    public async Task<string> PasswordTokenAsync(string username, string password = DemoPassword, CancellationToken cancellationToken = default) =>
        (await PasswordAsync(username, password, cancellationToken: cancellationToken)).EnsureSuccess().AccessToken!;

    /// <summary>An access token for a client's service account (client credentials); throws when refused.</summary>
    public async Task<string> ClientCredentialsTokenAsync(string clientId, string? secret = null, CancellationToken cancellationToken = default) =>
        (await ClientCredentialsAsync(clientId, secret ?? DevelopmentSecret(clientId), cancellationToken)).EnsureSuccess().AccessToken!;

    /// <summary>The whole answer to a password grant, refusals included.</summary>
    public Task<TokenResponse> PasswordAsync(
        string username,
        string password = DemoPassword,
        string clientId = CliClientId,
        string? clientSecret = null,
        string? scope = null,
        CancellationToken cancellationToken = default) =>
        RequestAsync(
            [new("grant_type", "password"), new("username", username), new("password", password), .. Optional("scope", scope)],
            clientId, clientSecret, cancellationToken);

    /// <summary>The whole answer to a client credentials grant, refusals included.</summary>
    public Task<TokenResponse> ClientCredentialsAsync(string clientId, string secret, CancellationToken cancellationToken = default) =>
        RequestAsync([new("grant_type", "client_credentials")], clientId, secret, cancellationToken);

    public Task<TokenResponse> RefreshAsync(
        string refreshToken, string clientId = CliClientId, string? clientSecret = null, CancellationToken cancellationToken = default) =>
        RequestAsync([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], clientId, clientSecret, cancellationToken);

    /// <summary>
    /// Posts a form to the token endpoint. A confidential client authenticates with HTTP Basic
    /// (client_secret_basic); a public one sends its client_id in the form.
    /// </summary>
    public async Task<TokenResponse> RequestAsync(
        IEnumerable<KeyValuePair<string, string>> form,
        string clientId,
        string? clientSecret = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint);
        var fields = form.ToList();
        if (clientSecret is null)
        {
            fields.Add(new("client_id", clientId));
        }
        else
        {
            var credentials = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        request.Content = new FormUrlEncodedContent(fields);
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var document = JsonDocument.Parse(body);
        return new TokenResponse(response.StatusCode, document.RootElement.Clone());
    }

    private static IEnumerable<KeyValuePair<string, string>> Optional(string name, string? value) =>
        value is null ? [] : [new(name, value)];
}

/// <summary>A token endpoint's answer: the tokens, or the OAuth error.</summary>
public sealed record TokenResponse(HttpStatusCode StatusCode, JsonElement Json)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300 && AccessToken is not null;

    public string? AccessToken => Text("access_token");

    public string? RefreshToken => Text("refresh_token");

    public string? IdToken => Text("id_token");

    public string? Scope => Text("scope");

    public int? ExpiresIn => Json.TryGetProperty("expires_in", out var value) ? value.GetInt32() : null;

    /// <summary>The OAuth error code, e.g. <c>invalid_grant</c>, <c>invalid_client</c>, <c>unauthorized_client</c>.</summary>
    public string? Error => Text("error");

    public string? ErrorDescription => Text("error_description");

    public TokenResponse EnsureSuccess() => IsSuccess
        ? this
        : throw new InvalidOperationException($"The token request was refused ({(int)StatusCode}): {Error} {ErrorDescription}");

    private string? Text(string name) =>
        Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
