using Platform.LocalInfrastructure;

namespace Platform.Launcher;

internal static class StatusCommand
{
    /// <summary>Prints the manifest with whether each process still runs; exits 0 only when all do.</summary>
    public static int Run(string repositoryRoot)
    {
        var manifestFile = LocalLayout.ManifestFile(repositoryRoot);
        var manifest = LocalRunManifest.Read(manifestFile);
        if (manifest is null)
        {
            Console.WriteLine("The platform is not running (no manifest). Start it with ./run.sh");
            return 1;
        }

        Console.WriteLine($"Manifest {Path.GetRelativePath(repositoryRoot, manifestFile)}, written {manifest.WrittenAt:yyyy-MM-dd HH:mm:ss}:");
        Console.WriteLine();
        ResourceTable.Print(manifest.Resources, repositoryRoot, withLiveness: true);
        return manifest.Resources.All(IsRunning) ? 0 : 1;
    }

    internal static bool IsRunning(ResourceDescription resource) =>
        resource.ProcessId is { } processId && DetachedProcess.IsAlive(processId);
}
