using Platform.Testing;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// A provider system's access token by client credentials, fetched again when a minute old: tokens live five
/// minutes and a run takes longer. Two calls racing past the minute fetch twice, which is harmless.
/// </summary>
internal sealed class ProviderToken(TokenClient tokens, string clientId, string secret)
{
    private Task<string>? _token;
    private DateTime _fetchedAt;

    public async ValueTask<string?> GetAsync(CancellationToken _)
    {
        if (_token is null || DateTime.UtcNow - _fetchedAt > TimeSpan.FromMinutes(1) || _token.IsFaulted)
        {
            _fetchedAt = DateTime.UtcNow;
            // Not the caller's token: one cancelled call must not fail the fetch the others wait for.
            _token = tokens.ClientCredentialsTokenAsync(clientId, secret, CancellationToken.None);
        }

        return await _token;
    }
}
