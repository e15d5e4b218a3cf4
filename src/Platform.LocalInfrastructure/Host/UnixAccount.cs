namespace Platform.LocalInfrastructure;

/// <summary>Who runs the servers: PostgreSQL refuses to run as root, so root hands it to the postgres account.</summary>
internal static class UnixAccount
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The command line that runs <paramref name="fileName"/> as <paramref name="account"/> when we are root.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) AsAccount(
        string account, string fileName, IReadOnlyList<string> arguments) =>
        IsRoot ? ("runuser", ["-u", account, "--", fileName, .. arguments]) : (fileName, arguments);

    public static Task GiveToAsync(string account, string path, CancellationToken cancellationToken) =>
        CommandRunner.RunCheckedAsync("chown", ["-R", $"{account}:{account}", path], cancellationToken);

    /// <summary>
    /// Lets another account walk down to <paramref name="path"/>: every ancestor needs the
    /// execute bit for others (search only, not listing).
    /// </summary>
    public static void MakeAncestorsTraversable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        for (var directory = Directory.GetParent(path); directory is not null; directory = directory.Parent)
        {
            var mode = File.GetUnixFileMode(directory.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(directory.FullName, mode | UnixFileMode.OtherExecute);
            }
        }
    }
}
