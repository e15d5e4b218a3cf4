using Platform.LocalInfrastructure;

namespace Platform.Launcher;

internal static class DownCommand
{
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
}
