namespace Platform.Populations.Domain;

/// <summary>The outcome of a command: done with a value, not found (or not visible), invalid input, or a conflict with the current state.</summary>
internal sealed record CommandResult<T>
{
    private CommandResult()
    {
    }

    public T? Value { get; private init; }

    public bool IsNotFound { get; private init; }

    public IDictionary<string, string[]>? Errors { get; private init; }

    public string? Conflict { get; private init; }

    public static CommandResult<T> Done(T value) => new() { Value = value };

    public static CommandResult<T> NotFound() => new() { IsNotFound = true };

    public static CommandResult<T> Invalid(IDictionary<string, string[]> errors) => new() { Errors = errors };

    public static CommandResult<T> InConflict(string detail) => new() { Conflict = detail };
}
