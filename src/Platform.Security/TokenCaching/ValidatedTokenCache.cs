using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Security.TokenCaching;

/// <summary>
/// Bearer tokens already validated in full (signature, issuer, audience, lifetime), with the principal each
/// gave, so that a token seen again skips the signature check, as Envoy's JWT filter does. An entry is keyed by
/// a digest of the whole token and kept until the token expires or the realm's signing keys change, whichever
/// comes first. Memory is bounded: at most <see cref="Capacity"/> entries; when full, expired entries go first,
/// then arbitrary ones. Only tokens that passed validation enter, so a flood of forged tokens costs no memory.
/// </summary>
public sealed class ValidatedTokenCache
{
    private readonly TimeProvider _time;
    private readonly Lock _eviction = new();
    private KeySetGeneration _current;

    public ValidatedTokenCache(int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _time = time;
        _current = new KeySetGeneration(keySetVersion: null);
    }

    public int Capacity { get; }

    /// <summary>The entries held now; never more than <see cref="Capacity"/>.</summary>
    public int Count => _current.Count;

    /// <summary>
    /// The principal a token gave when it was validated, as a copy the caller may change; null when the token is
    /// not held, has expired, or was validated against another key set than <paramref name="keySetVersion"/>
    /// (a changed key set empties the cache).
    /// </summary>
    public CachedPrincipal? Find(string token, string keySetVersion)
    {
        var generation = Generation(keySetVersion);
        var digest = TokenDigest.Of(token);
        if (!generation.TryGet(digest, out var entry))
        {
            return null;
        }

        if (_time.GetUtcNow() >= entry.ExpiresAt)
        {
            generation.Remove(digest);
            return null;
        }

        return entry with { Principal = Copy(entry.Principal) };
    }

    /// <summary>
    /// Keeps a validated token's principal until <paramref name="expiresAt"/>. Ignored when the key set it was
    /// validated against has been replaced since, or when the token has already expired.
    /// </summary>
    public void Add(string token, string keySetVersion, ClaimsPrincipal principal, DateTimeOffset expiresAt)
    {
        var generation = _current.KeySetVersion is null ? Generation(keySetVersion) : _current;
        if (generation.KeySetVersion != keySetVersion || _time.GetUtcNow() >= expiresAt)
        {
            return;
        }

        var entry = new CachedPrincipal(Copy(principal), expiresAt);
        if (!generation.TryAdd(TokenDigest.Of(token), entry, Capacity))
        {
            Evict(generation);
            generation.TryAdd(TokenDigest.Of(token), entry, Capacity);
        }
    }

    /// <summary>
    /// A copy with copies of the claims, so no request changes another's principal. The token handler's identity
    /// compares claim types case-sensitively; <see cref="ClaimsIdentity.Clone"/> would lose that.
    /// </summary>
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(identity =>
        identity is CaseSensitiveClaimsIdentity ? new CaseSensitiveClaimsIdentity(identity) : identity.Clone()));

    /// <summary>The entries of the current key set; a new, empty generation when the key set has changed.</summary>
    private KeySetGeneration Generation(string keySetVersion)
    {
        var generation = _current;
        if (generation.KeySetVersion == keySetVersion)
        {
            return generation;
        }

        var replacement = new KeySetGeneration(keySetVersion);
        return Interlocked.CompareExchange(ref _current, replacement, generation) == generation ? replacement : _current;
    }

    /// <summary>
    /// Makes room for a quarter of the capacity at once, so a full cache under a flood of new tokens does not
    /// scan on every addition. One thread evicts; the others skip caching meanwhile.
    /// </summary>
    private void Evict(KeySetGeneration generation)
    {
        if (!_eviction.TryEnter())
        {
            return;
        }

        try
        {
            generation.RemoveExpired(_time.GetUtcNow());
            generation.RemoveUntil(Capacity - Math.Max(1, Capacity / 4));
        }
        finally
        {
            _eviction.Exit();
        }
    }
}

/// <summary>A cached token's principal and the moment the token expires.</summary>
public sealed record CachedPrincipal(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);
