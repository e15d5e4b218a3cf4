namespace Platform.LocalInfrastructure;

/// <summary>Where a running resource is and how to look into it.</summary>
/// <param name="Name">The resource name, e.g. <c>postgres</c>, <c>rabbitmq</c>, <c>populations</c>.</param>
/// <param name="Address">Its URL or connection string.</param>
/// <param name="LogFile">The file its output goes to.</param>
/// <param name="ProcessId">Its process id, or null when it is not running.</param>
/// <param name="ManagementUrl">A web console, when it has one.</param>
public sealed record ResourceDescription(
    string Name,
    string Address,
    string LogFile,
    int? ProcessId,
    string? ManagementUrl = null);
