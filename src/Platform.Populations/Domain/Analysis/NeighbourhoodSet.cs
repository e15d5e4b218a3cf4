using System.Numerics;

namespace Platform.Populations.Domain.Analysis;

/// <summary>
/// A set of leaf indices of an <see cref="AreaTree"/> as a bitset, so that comparing the areas of two
/// populations is a handful of word operations instead of building and intersecting sets of codes.
/// </summary>
internal sealed class NeighbourhoodSet
{
    private readonly ulong[] _words;

    public NeighbourhoodSet(int capacity) => _words = new ulong[(capacity + 63) / 64];

    private NeighbourhoodSet(ulong[] words) => _words = words;

    public bool IsEmpty => Array.TrueForAll(_words, word => word == 0);

    public void Add(int index) => _words[index >> 6] |= 1UL << (index & 63);

    public bool Contains(int index) => (_words[index >> 6] & (1UL << (index & 63))) != 0;

    public void UnionWith(NeighbourhoodSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] |= other._words[i];
        }
    }

    public bool Overlaps(NeighbourhoodSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if ((_words[i] & other._words[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsSupersetOf(NeighbourhoodSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if ((other._words[i] & ~_words[i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    public NeighbourhoodSet Intersect(NeighbourhoodSet other)
    {
        var words = new ulong[_words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = _words[i] & other._words[i];
        }

        return new NeighbourhoodSet(words);
    }

    /// <summary>The indices in ascending order.</summary>
    public IEnumerable<int> Indices()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var word = _words[i];
            while (word != 0)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }
}
