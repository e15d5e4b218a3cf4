using System.Diagnostics.CodeAnalysis;

namespace Platform.Populations.Domain.Characteristics;

/// <summary>
/// A CBS characteristic of an area at a reference date ("kenmerk"). The catalogue is fixed in code; the
/// <see cref="Key"/> is what the database stores, so a key never changes once released.
/// </summary>
public sealed partial class Characteristic
{
    private Characteristic(int index, string key, string name, CharacteristicKind kind, Characteristic? @base)
    {
        Index = index;
        Key = key;
        Name = name;
        Kind = kind;
        Base = @base;
    }

    /// <summary>Position in <see cref="All"/>; values are stored in arrays by this index.</summary>
    internal int Index { get; }

    /// <summary>Stable snake_case identifier, e.g. <c>age_0_14</c>.</summary>
    public string Key { get; }

    public string Name { get; }

    public CharacteristicKind Kind { get; }

    /// <summary>What a share or mean score is taken over (its weight when aggregating); null for counts.</summary>
    public Characteristic? Base { get; }

    public bool IsWeighted => Kind != CharacteristicKind.Count;

    public static IReadOnlyList<Characteristic> All => ReadOnlyCatalogue;

    public static bool TryFind(string key, [NotNullWhen(true)] out Characteristic? characteristic) =>
        ByKey.TryGetValue(key, out characteristic);

    public static Characteristic Find(string key) =>
        TryFind(key, out var characteristic)
            ? characteristic
            : throw new KeyNotFoundException($"'{key}' is not a known characteristic.");

    public override string ToString() => Key;

    private static Characteristic Count(string key, string name) => Add(key, name, CharacteristicKind.Count, null);

    private static Characteristic Share(string key, string name, Characteristic @base) =>
        Add(key, name, CharacteristicKind.Share, @base);

    private static Characteristic MeanScore(string key, string name, Characteristic @base) =>
        Add(key, name, CharacteristicKind.MeanScore, @base);

    private static Characteristic Add(string key, string name, CharacteristicKind kind, Characteristic? @base)
    {
        var characteristic = new Characteristic(Catalogue.Count, key, name, kind, @base);
        Catalogue.Add(characteristic);
        return characteristic;
    }
}
