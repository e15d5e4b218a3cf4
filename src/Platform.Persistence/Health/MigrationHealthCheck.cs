using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Persistence.Migrations;

namespace Platform.Persistence.Health;

/// <summary>
/// Not ready before this process has brought its database up to date: a reachable database with
/// yesterday's schema would fail requests. Reachability itself is Aspire's PostgreSQL check.
/// </summary>
internal sealed class MigrationHealthCheck(MigrationStatus migrations) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(migrations.Completed
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Database migrations have not been applied yet."));
}
