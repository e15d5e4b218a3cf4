namespace Platform.LocalInfrastructure;

public static class RepositoryRoot
{
    private const string Marker = "Platform.sln";

    /// <summary>
    /// The folder holding Platform.sln, found by walking up from <paramref name="startDirectory"/>
    /// (default: where the running assembly is, which for tests and the launcher is inside the repository).
    /// </summary>
    public static string Find(string? startDirectory = null)
    {
        var start = startDirectory ?? AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No {Marker} in {start} or any folder above it.");
    }
}
