using Platform.LocalInfrastructure;

namespace Platform.Launcher;

/// <summary>Starts what is not running yet, reuses what is, and writes the manifest.</summary>
internal static class UpCommand
{
    public static async Task<int> RunAsync(string repositoryRoot)
    {
        var platform = new LocalPlatform(repositoryRoot);
        try
        {
            Console.WriteLine("Starting PostgreSQL, RabbitMQ and the identity provider (or finding them running)...");
            var serverOutcomes = await Task.WhenAll(platform.Servers.Select(server => server.StartAsync()));
            var serviceOutcomes = await StartServicesAsync(platform);
            var manifest = LocalRunManifest.Of(platform.Everything);
            manifest.Write(platform.ManifestFile);

            var alreadyUp = serverOutcomes.Concat(serviceOutcomes).All(outcome => outcome == StartOutcome.AlreadyRunning);
            Console.WriteLine(alreadyUp ? "The platform was already running; nothing was started." : "The platform is running.");
            Console.WriteLine();
            ResourceTable.Print(manifest.Resources, repositoryRoot, withLiveness: false);
            Console.WriteLine();
            Console.WriteLine($"Manifest: {Path.GetRelativePath(repositoryRoot, platform.ManifestFile)}");
            Console.WriteLine($"Logs:     {Path.GetRelativePath(repositoryRoot, Path.Combine(platform.RunDirectory, "logs"))}/");
            Console.WriteLine("Stop:     ./run.sh down");
            Console.WriteLine();
            DemoUsers.Print(platform.Identity);
            PrintEntryPoints(platform);
            return 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            Console.Error.WriteLine($"Start failed: {exception.Message}");
            Console.Error.WriteLine("What did start keeps running; ./run.sh down stops it.");
            return 1;
        }
    }

    /// <summary>Where people and provider systems come in: the gateway's browser login and its gRPC listener.</summary>
    private static void PrintEntryPoints(LocalPlatform platform)
    {
        var gateway = platform.Services.FirstOrDefault(service => service.Name == "gateway");
        if (gateway is null)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"Log in:        {gateway.BaseAddress}login  (then {gateway.BaseAddress}auth/me shows who you are)");
        Console.WriteLine($"Staff API:     {gateway.BaseAddress}api/<service>/...  (bearer token or browser session)");
        Console.WriteLine($"Provider gRPC: {gateway.GrpcAddress}  (cleartext HTTP/2; see docs/provider-integration.md)");
    }

    private static async Task<StartOutcome[]> StartServicesAsync(LocalPlatform platform)
    {
        var stopped = platform.Services.Where(service => service.ProcessId is null).ToList();
        if (stopped.Count > 0)
        {
            Console.WriteLine("Building the solution...");
            await SolutionBuild.RunAsync(platform.RepositoryRoot);
            Console.WriteLine($"Starting {string.Join(", ", stopped.Select(service => service.Name))}...");
        }
        return await Task.WhenAll(platform.Services.Select(service => service.StartAsync()));
    }
}
