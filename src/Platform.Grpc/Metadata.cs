using System.Collections;

namespace Platform.Grpc;

/// <summary>
/// gRPC custom metadata: request headers, response headers or trailers. Keys are lowercase; a key
/// ending in <c>-bin</c> carries bytes (base64 on the wire), any other key printable ASCII text.
/// </summary>
public sealed class Metadata : IEnumerable<MetadataEntry>
{
    public const string BinarySuffix = "-bin";

    private readonly List<MetadataEntry> _entries = [];

    public int Count => _entries.Count;

    public Metadata Add(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        key = NormalizeKey(key);
        if (IsBinaryKey(key))
        {
            throw new ArgumentException($"Metadata key '{key}' ends in '{BinarySuffix}' and takes bytes, not text.", nameof(key));
        }

        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException($"The value of metadata key '{key}' must be printable ASCII; use a '{BinarySuffix}' key for other data.", nameof(value));
            }
        }

        _entries.Add(new MetadataEntry(key, value, null));
        return this;
    }

    public Metadata Add(string key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        key = NormalizeKey(key);
        if (!IsBinaryKey(key))
        {
            throw new ArgumentException($"Binary metadata needs a key ending in '{BinarySuffix}'; '{key}' does not.", nameof(key));
        }

        _entries.Add(new MetadataEntry(key, null, value));
        return this;
    }

    /// <summary>The last text value under <paramref name="key"/>, or null.</summary>
    public string? GetValue(string key) => _entries.LastOrDefault(e => e.Key == NormalizeKey(key) && !e.IsBinary)?.Value;

    /// <summary>The last binary value under <paramref name="key"/> (a <c>-bin</c> key), or null.</summary>
    public byte[]? GetBytes(string key) => _entries.LastOrDefault(e => e.Key == NormalizeKey(key) && e.IsBinary)?.ValueBytes;

    public IEnumerable<MetadataEntry> GetAll(string key)
    {
        var normalized = NormalizeKey(key);
        return _entries.Where(e => e.Key == normalized);
    }

    public IEnumerator<MetadataEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void AddRange(Metadata other) => _entries.AddRange(other._entries);

    internal void AddUnchecked(MetadataEntry entry) => _entries.Add(entry);

    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var lower = key.ToLowerInvariant();
        foreach (var c in lower)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                throw new ArgumentException($"Metadata key '{key}' may hold only letters, digits, '-', '_' and '.'.", nameof(key));
            }
        }

        return lower;
    }
}

/// <summary>One metadata value: text (<see cref="Value"/>) or, for a <c>-bin</c> key, bytes (<see cref="ValueBytes"/>).</summary>
public sealed record MetadataEntry(string Key, string? Value, byte[]? ValueBytes)
{
    public bool IsBinary => ValueBytes is not null;
}
