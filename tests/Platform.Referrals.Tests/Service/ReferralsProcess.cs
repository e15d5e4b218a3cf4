using Platform.Testing;

namespace Platform.Referrals.Tests.Service;

/// <summary>
/// The referrals service in its own process, configured only by the environment variables the AppHost would
/// give it, against real PostgreSQL, RabbitMQ and identity provider.
/// </summary>
internal static class ReferralsProcess
{
    public static async Task<ServiceProcess> StartAsync(string databaseConnectionString, Uri broker, Uri issuer)
    {
        var process = new ServiceProcess("referrals", "Platform.Referrals", () => new Dictionary<string, string>
        {
            ["ConnectionStrings__referralsdb"] = databaseConnectionString,
            ["ConnectionStrings__messaging"] = ServiceProcess.Text(broker),
            ["Identity__Authority"] = ServiceProcess.Text(issuer),
            ["Messaging__RelayPollInterval"] = "00:00:00.200",

            // Each test writes its own referrals and asks for detection itself; the detector's own rounds only
            // add noise, and the demo referrals would only get in the way.
            ["Referrals__SeedDemoReferrals"] = "false",
            ["Referrals__Signals__Interval"] = "01:00:00",
        });
        await process.StartAsync();
        return process;
    }
}
