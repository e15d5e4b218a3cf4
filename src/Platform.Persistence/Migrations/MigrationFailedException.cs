namespace Platform.Persistence.Migrations;

/// <summary>A migration failed and was rolled back whole; the service must not start.</summary>
public sealed class MigrationFailedException(Migration migration, Exception inner)
    : Exception($"Migration {migration} failed and was rolled back; the service will not start. {inner.Message}", inner)
{
    public Migration Migration { get; } = migration;
}
