using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Persistence.Migrations;

/// <summary>
/// Runs the migrations before the service serves requests: hosted services start before the web
/// server listens, and a failure here stops the host with the migration's name and error.
/// </summary>
internal sealed class MigrationHostedService(MigrationRunner runner, MigrationStatus status, ILogger<MigrationHostedService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(cancellationToken);
            status.MarkCompleted();
        }
        catch (MigrationFailedException e)
        {
            logger.LogCritical(e, "Database migration failed; the service stops");
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
