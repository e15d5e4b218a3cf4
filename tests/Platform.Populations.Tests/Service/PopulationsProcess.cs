using Platform.Testing;

namespace Platform.Populations.Tests.Service;

/// <summary>
/// The populations service in its own process, configured only by the environment variables the AppHost
/// would give it, against real PostgreSQL, RabbitMQ and identity provider.
/// </summary>
internal static class PopulationsProcess
{
    public static async Task<ServiceProcess> StartAsync(string databaseConnectionString, Uri broker, Uri issuer)
    {
        var process = new ServiceProcess("populations", "Platform.Populations", () => new Dictionary<string, string>
        {
            ["ConnectionStrings__populationsdb"] = databaseConnectionString,
            ["ConnectionStrings__messaging"] = ServiceProcess.Text(broker),
            ["Identity__Authority"] = ServiceProcess.Text(issuer),

            // Each test writes its own data; the demo region would only get in its way.
            ["Populations__SeedDemoRegion"] = "false",
        });
        await process.StartAsync();
        return process;
    }
}
