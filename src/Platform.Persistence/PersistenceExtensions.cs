using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Persistence.Health;
using Platform.Persistence.Migrations;
using Platform.Persistence.Sessions;

namespace Platform.Persistence;

public static class PersistenceExtensions
{
    /// <summary>
    /// The service's own database from <c>ConnectionStrings:&lt;connectionName&gt;</c> (the key an
    /// Aspire AppHost injects): the owner connection migrates at start, the application role serves.
    /// Migrations are the SQL files embedded under <c>Migrations</c> in <paramref name="migrationsAssembly"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformDatabase(
        this IHostApplicationBuilder builder, string connectionName, Assembly migrationsAssembly) =>
        builder.AddPlatformDatabase(connectionName, MigrationSource.FromAssembly(connectionName, migrationsAssembly));

    /// <summary>As above, with the service's migrations given directly.</summary>
    public static IHostApplicationBuilder AddPlatformDatabase(
        this IHostApplicationBuilder builder, string connectionName, MigrationSource migrations)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName}.");
        // The application role's password is derived with the owner's as key: without one it is a value
        // anyone can compute, acceptable only on a developer's own machine.
        if (!builder.Environment.IsDevelopment()
            && string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(connectionString).Password))
        {
            throw new InvalidOperationException(
                $"Connection string '{connectionName}' has no password: outside Development the owner's password is required.");
        }

        var settings = new DatabaseSettings(connectionName, connectionString);

        builder.Services.AddSingleton(settings);

        // The registered data source, its health check, traces and metrics are the application
        // role's: the owner connection string is only ever used by the migration runner.
        builder.AddNpgsqlDataSource(connectionName, npgsql => npgsql.ConnectionString = settings.AppConnectionString);

        // Aspire's check comes untagged; readiness (the gRPC health service among its readers) asks for "ready".
        builder.Services.Configure<HealthCheckServiceOptions>(health =>
        {
            foreach (var registration in health.Registrations.Where(r => r.Name.StartsWith("PostgreSql", StringComparison.Ordinal)))
            {
                registration.Tags.Add("ready");
            }
        });
        builder.Services.AddSingleton<Database>();
        builder.Services.AddSingleton<MigrationStatus>();
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddMigrations(migrations);
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddHealthChecks().AddCheck<MigrationHealthCheck>("database-migrations", tags: ["ready"]);
        return builder;
    }

    /// <summary>Adds a module's migrations (a building block's own tables, for example).</summary>
    public static IServiceCollection AddMigrations(this IServiceCollection services, MigrationSource source) =>
        services.AddSingleton(source);
}
