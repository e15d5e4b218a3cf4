using Platform.LocalInfrastructure;

namespace Platform.Launcher;

internal static class DownCommand
{
    /// <summary>Stops the services, then the servers they use.</summary>
    public static async Task<int> RunAsync(string repositoryRoot)
    {
        var platform = new LocalPlatform(repositoryRoot);
        foreach (var service in platform.Services.Reverse())
        {
            await StopAsync(service);
        }
        await Task.WhenAll(platform.Servers.Select(StopAsync));
        await RabbitMqServer.StopPortMapperIfIdleAsync();
        File.Delete(platform.ManifestFile);
        Console.WriteLine("The platform is stopped.");
        return 0;
    }

    /// <summary>
    /// Stops the servers the test suite shares, and any private ones a killed test left behind
    /// (those folders are deleted as well).
    /// </summary>
    public static async Task<int> RunForTestsAsync(string repositoryRoot)
    {
        var shared = LocalLayout.SharedTestDirectory(repositoryRoot);
        await Task.WhenAll(TestServers(shared, repositoryRoot).Select(server => server.StopAsync()));

        var privateRoot = LocalLayout.PrivateTestDirectory(repositoryRoot);
        var leftovers = Directory.Exists(privateRoot) ? Directory.GetDirectories(privateRoot) : [];
        foreach (var directory in leftovers)
        {
            await Task.WhenAll(TestServers(directory, repositoryRoot).Select(server => server.StopAsync()));
            Directory.Delete(directory, recursive: true);
        }
        await RabbitMqServer.StopPortMapperIfIdleAsync();
        Console.WriteLine($"Test servers stopped ({leftovers.Length} left-over private folders removed).");
        return 0;
    }

    private static ILocalServer[] TestServers(string directory, string repositoryRoot) =>
        [new PostgresServer(directory), new RabbitMqServer(directory), new IdentityProviderServer(directory, repositoryRoot)];

    private static async Task StopAsync(ILocalServer server)
    {
        var wasRunning = server.Describe().ProcessId is not null;
        await server.StopAsync();
        Console.WriteLine($"  {server.Name,-12} {(wasRunning ? "stopped" : "was not running")}");
    }
}
