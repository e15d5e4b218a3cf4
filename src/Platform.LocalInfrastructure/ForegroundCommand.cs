namespace Platform.LocalInfrastructure;

/// <summary>A server's program run in the foreground by a supervisor, which stops it with SIGTERM.</summary>
public sealed record ForegroundCommand(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory);
