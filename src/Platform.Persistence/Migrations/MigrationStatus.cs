namespace Platform.Persistence.Migrations;

/// <summary>Whether this process has brought its database up to date; read by the readiness check.</summary>
public sealed class MigrationStatus
{
    private volatile bool _completed;

    public bool Completed => _completed;

    internal void MarkCompleted() => _completed = true;
}
