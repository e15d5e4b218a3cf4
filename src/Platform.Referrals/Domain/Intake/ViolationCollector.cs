using Platform.Hosting.Results;

namespace Platform.Referrals.Domain.Intake;

/// <summary>Collects violations under a path prefix so a batch item reports where its problems are, e.g. <c>referrals[3].neighbourhood_code</c>.</summary>
internal sealed class ViolationCollector(string prefix)
{
    private readonly List<FieldViolation> _violations = [];

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public bool Any => _violations.Count > 0;

    public void Add(string field, string description) =>
        _violations.Add(new FieldViolation(prefix.Length == 0 ? field : $"{prefix}.{field}", description));
}
