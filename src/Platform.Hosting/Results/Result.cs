namespace Platform.Hosting.Results;

/// <summary>
/// The outcome of a command, the same whether REST or gRPC asked: done with a value, not found (or not visible to
/// the caller), invalid fields, or a conflict with the current state. <see cref="ResultResponses"/> turns it into the
/// HTTP answer or the gRPC status.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "Result<T>.Done(value) names the outcome where it is made; the type argument is always written there.")]
public sealed record Result<T>
{
    private Result()
    {
    }

    public T? Value { get; private init; }

    public bool IsNotFound { get; private init; }

    public IReadOnlyList<FieldViolation>? Violations { get; private init; }

    public string? Conflict { get; private init; }

    public static Result<T> Done(T value) => new() { Value = value };

    public static Result<T> NotFound() => new() { IsNotFound = true };

    public static Result<T> Invalid(IReadOnlyList<FieldViolation> violations) => new() { Violations = violations };

    /// <summary>Invalid, from the field-to-messages form validators and <c>ValidationProblem</c> use.</summary>
    public static Result<T> Invalid(IDictionary<string, string[]> errors) =>
        Invalid([.. errors.SelectMany(e => e.Value.Select(message => new FieldViolation(e.Key, message)))]);

    public static Result<T> InConflict(string detail) => new() { Conflict = detail };
}
