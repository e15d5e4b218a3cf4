using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Platform.Security.TokenCaching;

/// <summary>
/// The cached tokens validated against one version of the realm's key set. A slot is reserved in the count
/// before an entry is added and freed after it is removed, so the count never falls below the entries held
/// and never exceeds the capacity, whatever the threads do.
/// </summary>
internal sealed class KeySetGeneration(string? keySetVersion)
{
    private readonly ConcurrentDictionary<TokenDigest, CachedPrincipal> _entries = new();
    private int _count;

    /// <summary>Null before the first token: no key set is known yet.</summary>
    public string? KeySetVersion { get; } = keySetVersion;

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(TokenDigest digest, [MaybeNullWhen(false)] out CachedPrincipal entry) => _entries.TryGetValue(digest, out entry);

    /// <summary>False when the generation is full; true when the entry is held (added now or already there).</summary>
    public bool TryAdd(TokenDigest digest, CachedPrincipal entry, int capacity)
    {
        if (!TryReserveSlot(capacity))
        {
            return false;
        }

        if (!_entries.TryAdd(digest, entry))
        {
            Interlocked.Decrement(ref _count);
        }

        return true;
    }

    /// <summary>
    /// Takes a slot only while one is free, by compare-and-swap: an increment undone afterwards would let a
    /// concurrent reader see a count above the capacity.
    /// </summary>
    private bool TryReserveSlot(int capacity)
    {
        var count = Volatile.Read(ref _count);
        while (count < capacity)
        {
            var seen = Interlocked.CompareExchange(ref _count, count + 1, count);
            if (seen == count)
            {
                return true;
            }

            count = seen;
        }

        return false;
    }

    public void Remove(TokenDigest digest)
    {
        if (_entries.TryRemove(digest, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    public void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (digest, entry) in _entries)
        {
            if (now >= entry.ExpiresAt)
            {
                Remove(digest);
            }
        }
    }

    /// <summary>Removes entries in the dictionary's own order (unrelated to age or use) until at most <paramref name="count"/> remain.</summary>
    public void RemoveUntil(int count)
    {
        foreach (var digest in _entries.Keys)
        {
            if (Count <= count)
            {
                return;
            }

            Remove(digest);
        }
    }
}
