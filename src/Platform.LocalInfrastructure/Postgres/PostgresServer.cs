using System.Globalization;

namespace Platform.LocalInfrastructure;

/// <summary>
/// A private PostgreSQL 15 instance (Debian package) on 127.0.0.1 with the superuser
/// <c>platform</c> and trust authentication, so connection strings need no password.
/// </summary>
public sealed class PostgresServer : ProcessServer
{
    public const string Superuser = "platform";

    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string ServiceAccount = "postgres";

    // The socket folder must be reachable by the postgres account and short enough for a
    // Unix socket path; the port in the socket name keeps instances apart.
    private const string SocketDirectory = "/tmp";

    private static readonly string[] s_settings = ["listen_addresses=127.0.0.1", "max_connections=300"];

    private readonly int? _preferredPort;

    /// <param name="rootDirectory">The folder holding <c>postgres/</c> (data and state) and <c>logs/</c>.</param>
    /// <param name="port">The port for a new instance; a free one when null. A running instance keeps its own.</param>
    public PostgresServer(string rootDirectory, int? port = null)
        : base("postgres", rootDirectory) => _preferredPort = port;

    public int Port => AssignedPort("postgres", _preferredPort);

    private string DataDirectory => Path.Combine(InstanceDirectory, "data");

    public string OwnerConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database}";

    public override async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Tool("pg_isready")))
        {
            return false;
        }
        var probe = await CommandRunner.RunAsync(
            Tool("pg_isready"),
            ["-q", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", Superuser, "-d", "postgres", "-t", "2"],
            cancellationToken);
        return probe.Succeeded;
    }

    public override ResourceDescription Describe() =>
        new(Name, OwnerConnectionString(), LogFile, ProcessId);

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await DebianPackages.EnsureInstalledAsync("postgresql", Tool("initdb"), cancellationToken);
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitialiseAsync(cancellationToken);
        }
        if (!File.Exists(LogFile))
        {
            await File.WriteAllTextAsync(LogFile, "", cancellationToken);
        }
        if (UnixAccount.IsRoot)
        {
            await UnixAccount.GiveToAsync(ServiceAccount, LogFile, cancellationToken);
        }
    }

    protected override async Task<int> LaunchAsync(CancellationToken cancellationToken)
    {
        var serverOptions = string.Join(' ',
            ["-p", Port.ToString(CultureInfo.InvariantCulture), "-k", SocketDirectory, .. s_settings.SelectMany(s => new[] { "-c", s })]);
        await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-o", serverOptions, "-w", "-t", "60", "start"], cancellationToken);

        // pg_ctl has returned after the postmaster wrote its pid file; its first line is the pid.
        var pidLine = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First();
        return int.Parse(pidLine, CultureInfo.InvariantCulture);
    }

    /// <summary>The postmaster itself (as <c>postgres</c> when we are root, which PostgreSQL refuses to run as).</summary>
    public override ForegroundCommand ForegroundCommand()
    {
        var (fileName, arguments) = ToolCommand("postgres",
            ["-D", DataDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", SocketDirectory,
             .. s_settings.SelectMany(s => new[] { "-c", s })]);
        // "/" because the postgres account may not be allowed into the current directory.
        return new(fileName, arguments, new Dictionary<string, string>(), "/");
    }

    protected override async Task ShutdownAsync(int processId, CancellationToken cancellationToken)
    {
        // Unchecked: should pg_ctl fail, the caller waits for the process and kills it.
        var (fileName, arguments) = ToolCommand("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]);
        await CommandRunner.RunAsync(fileName, arguments, cancellationToken, workingDirectory: "/");
    }

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        // A folder without PG_VERSION is what an interrupted initdb leaves behind.
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        Directory.CreateDirectory(DataDirectory);
        if (UnixAccount.IsRoot)
        {
            UnixAccount.MakeAncestorsTraversable(DataDirectory);
            await UnixAccount.GiveToAsync(ServiceAccount, DataDirectory, cancellationToken);
        }
        await RunToolAsync("initdb",
            ["-D", DataDirectory, "-A", "trust", "-U", Superuser, "-E", "UTF8", "--no-locale", "--no-instructions"],
            cancellationToken);
    }

    private static string Tool(string name) => Path.Combine(BinDirectory, name);

    private static (string FileName, IReadOnlyList<string> Arguments) ToolCommand(string tool, IReadOnlyList<string> arguments) =>
        UnixAccount.AsAccount(ServiceAccount, Tool(tool), arguments);

    private static Task<CommandResult> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (fileName, commandArguments) = ToolCommand(tool, arguments);
        // "/" because the postgres account may not be allowed into the current directory.
        return CommandRunner.RunCheckedAsync(fileName, commandArguments, cancellationToken, workingDirectory: "/");
    }
}
