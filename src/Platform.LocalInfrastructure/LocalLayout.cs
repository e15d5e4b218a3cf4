namespace Platform.LocalInfrastructure;

/// <summary>Where local servers keep their folders; everything lives under <c>.local/</c>, which git ignores.</summary>
public static class LocalLayout
{
    /// <summary>The local run: its servers, services, logs and manifest.</summary>
    public static string RunDirectory(string repositoryRoot) => Path.Combine(repositoryRoot, ".local", "run");

    public static string ManifestFile(string repositoryRoot) => Path.Combine(RunDirectory(repositoryRoot), "platform.json");

    /// <summary>The servers every test assembly of a test run shares.</summary>
    public static string SharedTestDirectory(string repositoryRoot) => Path.Combine(repositoryRoot, ".local", "test", "shared");

    /// <summary>One folder per server a single test starts for itself (to stop and restart it).</summary>
    public static string PrivateTestDirectory(string repositoryRoot) => Path.Combine(repositoryRoot, ".local", "test", "private");
}
