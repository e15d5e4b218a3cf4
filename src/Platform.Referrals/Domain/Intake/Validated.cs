using Platform.Hosting.Results;

namespace Platform.Referrals.Domain.Intake;

/// <summary>Either a valid value or the violations that stopped it; never both.</summary>
public sealed record Validated<T>
    where T : class
{
    private Validated(T? value, IReadOnlyList<FieldViolation> violations)
    {
        Value = value;
        Violations = violations;
    }

    public T? Value { get; }

    public IReadOnlyList<FieldViolation> Violations { get; }

    public bool IsValid => Value is not null;

    internal static Validated<T> Valid(T value) => new(value, []);

    internal static Validated<T> Invalid(IReadOnlyList<FieldViolation> violations) => new(null, violations);
}
