using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.Persistence.Migrations;

namespace Platform.Persistence.Health;

/// <summary>Ready when the migrations have run and the database answers as the application role.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, MigrationStatus migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrations.Completed)
        {
            return HealthCheckResult.Unhealthy("Database migrations have not been applied yet.");
        }

        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("Database is not reachable.");
        }
    }
}
