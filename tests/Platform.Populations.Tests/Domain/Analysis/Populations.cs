using System.Security.Cryptography;
using System.Text;
using Platform.Populations.Domain;
using Platform.Populations.Domain.Analysis;

namespace Platform.Populations.Tests.Domain.Analysis;

/// <summary>
/// A small Utrecht-like municipality and a terse way to define populations in it. District 01 has three
/// neighbourhoods, district 02 has two, so a single neighbourhood never collapses to its district.
/// </summary>
internal static class Populations
{
    public const string Municipality = "GM0344";

    public static readonly Period Year2025 = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

    public static AreaTree Tree { get; } = AreaTree.From(Codes("BU03440101 BU03440102 BU03440103 BU03440201 BU03440202"));

    public static PopulationDefinition Define(
        string name,
        string areas,
        AgeRange? ages = null,
        Law[]? laws = null,
        string[]? careForms = null,
        string? diagnosis = null,
        Period? validity = null,
        PopulationStatus status = PopulationStatus.Active) =>
        new(
            IdOf(name),
            Municipality,
            name,
            Codes(areas),
            new TargetGroup(ages ?? AgeRange.Everyone, (laws ?? [Law.Wmo]).ToHashSet(), (careForms ?? []).ToHashSet(), diagnosis),
            validity ?? Year2025,
            status);

    public static AgeRange Ages(int from, int? to = null) => new(from, to);

    public static Period Days(string from, string? to = null) =>
        new(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

    public static List<AreaCode> Codes(string codes) =>
        [.. codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(AreaCode.Parse)];

    public static string Text(IEnumerable<AreaCode> codes) => string.Join(' ', codes);

    // A stable id per name keeps expectations readable and tests independent of each other.
    public static Guid IdOf(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16]);
}
