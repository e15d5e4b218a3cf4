namespace Platform.Populations.Domain;

/// <summary>
/// Who within the areas belongs to the population ("doelgroep"): an age range, the laws the care falls
/// under, and optionally care forms and a diagnosis group. An empty set of care forms means every care
/// form; no diagnosis group means everyone regardless of diagnosis.
/// </summary>
public sealed record TargetGroup(
    AgeRange Ages,
    IReadOnlySet<Law> Laws,
    IReadOnlySet<string> CareForms,
    string? DiagnosisGroup)
{
    /// <summary>
    /// Whether the group is every resident of its ages under its laws. Only such a population closes a
    /// coverage gap: a group narrowed by care form or diagnosis leaves the others out.
    /// </summary>
    public bool CoversEveryResident => CareForms.Count == 0 && DiagnosisGroup is null;
}
