namespace Platform.Provider.Contracts.Identity;

/// <summary>
/// Display names of providers by provider id, bound from the configuration section
/// <c>ProviderDirectory</c>: <c>ProviderDirectory:Names:tom-in-de-buurt = Tom in de buurt</c>.
/// </summary>
public sealed class ProviderDirectoryOptions
{
    public const string SectionName = "ProviderDirectory";

    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);
}
