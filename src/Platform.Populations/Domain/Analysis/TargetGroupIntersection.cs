namespace Platform.Populations.Domain.Analysis;

/// <summary>The residents two target groups have in common, with sets in a stable (sorted) order.</summary>
internal static class TargetGroupIntersection
{
    public static TargetGroup? Of(TargetGroup first, TargetGroup second)
    {
        var ages = first.Ages.Intersect(second.Ages);
        if (ages is null)
        {
            return null;
        }

        var laws = new SortedSet<Law>(first.Laws.Where(second.Laws.Contains));
        if (laws.Count == 0)
        {
            return null;
        }

        // No care forms means every care form, so the other side's set is the intersection.
        var careForms = first.CareForms.Count == 0 ? second.CareForms
            : second.CareForms.Count == 0 ? first.CareForms
            : first.CareForms.Where(second.CareForms.Contains).ToHashSet();
        if (careForms.Count == 0 && (first.CareForms.Count > 0 || second.CareForms.Count > 0))
        {
            return null;
        }

        if (first.DiagnosisGroup is { } a && second.DiagnosisGroup is { } b && !string.Equals(a, b, StringComparison.Ordinal))
        {
            return null;
        }

        return new TargetGroup(
            ages,
            laws,
            new SortedSet<string>(careForms, StringComparer.Ordinal),
            first.DiagnosisGroup ?? second.DiagnosisGroup);
    }
}
