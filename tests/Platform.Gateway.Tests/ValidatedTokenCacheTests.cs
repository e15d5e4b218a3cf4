using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using Platform.Security.TokenCaching;

namespace Platform.Gateway.Tests;

/// <summary>The cache of validated tokens on its own, on a clock the test moves.</summary>
public class ValidatedTokenCacheTests
{
    private const string KeySet = "kid-1:thumbprint-1";

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_cached_token_is_found_until_it_expires_and_not_after()
    {
        var cache = new ValidatedTokenCache(10, _clock);
        cache.Add("token-a", KeySet, Principal("advisor.alphen"), _clock.GetUtcNow().AddMinutes(5));

        Assert.Equal("advisor.alphen", cache.Find("token-a", KeySet)?.Principal.Identity?.Name);

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(cache.Find("token-a", KeySet));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_token_differing_in_one_byte_is_not_found()
    {
        var cache = new ValidatedTokenCache(10, _clock);
        var token = new string('a', 800) + ".payload.signature";
        cache.Add(token, KeySet, Principal("advisor.alphen"), _clock.GetUtcNow().AddMinutes(5));

        var changed = token.ToCharArray();
        changed[400] = 'b';

        Assert.Null(cache.Find(new string(changed), KeySet));
        Assert.NotNull(cache.Find(token, KeySet));
    }

    [Fact]
    public void A_changed_key_set_empties_the_cache()
    {
        var cache = new ValidatedTokenCache(10, _clock);
        cache.Add("token-a", KeySet, Principal("advisor.alphen"), _clock.GetUtcNow().AddMinutes(5));
        cache.Add("token-b", KeySet, Principal("controller.alphen"), _clock.GetUtcNow().AddMinutes(5));

        Assert.Null(cache.Find("token-a", "kid-2:thumbprint-2"));
        Assert.Equal(0, cache.Count);
        Assert.Null(cache.Find("token-b", KeySet)); // the old key set does not come back with its entries
    }

    [Fact]
    public void A_token_validated_against_a_replaced_key_set_is_not_cached()
    {
        var cache = new ValidatedTokenCache(10, _clock);
        Assert.Null(cache.Find("token-a", "kid-2:thumbprint-2"));

        cache.Add("token-a", KeySet, Principal("advisor.alphen"), _clock.GetUtcNow().AddMinutes(5));

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void An_expired_token_is_not_cached()
    {
        var cache = new ValidatedTokenCache(10, _clock);

        cache.Add("token-a", KeySet, Principal("advisor.alphen"), _clock.GetUtcNow().AddSeconds(-1));

        Assert.Equal(0, cache.Count);
        Assert.Null(cache.Find("token-a", KeySet));
    }

    [Fact]
    public void A_change_to_a_found_principal_does_not_reach_the_cache()
    {
        var cache = new ValidatedTokenCache(10, _clock);
        cache.Add("token-a", KeySet, Principal("advisor.alphen"), _clock.GetUtcNow().AddMinutes(5));

        var found = cache.Find("token-a", KeySet)!.Principal;
        ((ClaimsIdentity)found.Identity!).AddClaim(new Claim("role", "platform-admin"));

        var again = cache.Find("token-a", KeySet)!.Principal;
        Assert.False(again.HasClaim("role", "platform-admin"));
        Assert.True(again.HasClaim("role", "policy-advisor"));
        Assert.IsType<CaseSensitiveClaimsIdentity>(again.Identity);
    }

    [Fact]
    public void A_flood_of_distinct_tokens_never_holds_more_entries_than_the_bound()
    {
        const int capacity = 64;
        var cache = new ValidatedTokenCache(capacity, _clock);
        var principal = Principal("provider.tom");
        var largest = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            cache.Add($"token-{i}", KeySet, principal, _clock.GetUtcNow().AddMinutes(5));
            var count = cache.Count;
            InterlockedMax(ref largest, count);
        });

        Assert.InRange(largest, 1, capacity);
        Assert.InRange(cache.Count, 1, capacity);

        // Still a working cache after the flood: a new token is held.
        cache.Add("token-after", KeySet, principal, _clock.GetUtcNow().AddMinutes(5));
        Assert.NotNull(cache.Find("token-after", KeySet));
    }

    [Fact]
    public void Expired_entries_make_room_before_live_ones()
    {
        var cache = new ValidatedTokenCache(4, _clock);
        cache.Add("short-1", KeySet, Principal("a"), _clock.GetUtcNow().AddSeconds(10));
        cache.Add("short-2", KeySet, Principal("b"), _clock.GetUtcNow().AddSeconds(10));
        cache.Add("long-1", KeySet, Principal("c"), _clock.GetUtcNow().AddMinutes(5));
        cache.Add("long-2", KeySet, Principal("d"), _clock.GetUtcNow().AddMinutes(5));
        _clock.Advance(TimeSpan.FromSeconds(11));

        cache.Add("new", KeySet, Principal("e"), _clock.GetUtcNow().AddMinutes(5));

        Assert.NotNull(cache.Find("long-1", KeySet));
        Assert.NotNull(cache.Find("long-2", KeySet));
        Assert.NotNull(cache.Find("new", KeySet));
        Assert.Equal(3, cache.Count);
    }

    private static ClaimsPrincipal Principal(string username) => new(new CaseSensitiveClaimsIdentity(
        [new Claim("preferred_username", username), new Claim("role", "policy-advisor")], "Bearer", "preferred_username", "role"));

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
