using System.Text;

namespace Platform.Testing;

/// <summary>Names for databases, queues and tenants that no other test (or test run) uses.</summary>
public static class UniqueNames
{
    // PostgreSQL cuts identifiers at 63 bytes; a 32-character suffix leaves 30 for the prefix.
    private const int MaximumPrefixLength = 30;

    /// <summary>The prefix in lowercase letters, digits and underscores, then <c>_</c> and a unique suffix.</summary>
    public static string For(string prefix)
    {
        var cleaned = new StringBuilder();
        foreach (var character in prefix.ToLowerInvariant())
        {
            cleaned.Append(char.IsAsciiLetterOrDigit(character) ? character : '_');
        }
        var head = cleaned.Length == 0 ? "test" : cleaned.ToString()[..Math.Min(cleaned.Length, MaximumPrefixLength)];
        return $"{head}_{Guid.NewGuid():N}";
    }
}
