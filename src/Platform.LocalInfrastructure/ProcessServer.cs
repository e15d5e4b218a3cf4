namespace Platform.LocalInfrastructure;

/// <summary>
/// The life cycle every local server shares. A server owns the folder <c>&lt;root&gt;/&lt;name&gt;/</c>
/// (its data, its recorded process id and ports, and a lock file that serialises starts across
/// processes) and writes its log to <c>&lt;root&gt;/logs/&lt;name&gt;.log</c>.
/// A subclass says how its program is prepared, launched, probed and shut down.
/// </summary>
public abstract class ProcessServer : ILocalServer
{
    private readonly Lock _stateLock = new();
    private ServerState? _state;

    protected ProcessServer(string name, string rootDirectory)
    {
        Name = name;
        RootDirectory = Path.GetFullPath(rootDirectory);
        InstanceDirectory = Path.Combine(RootDirectory, name);
        LogFile = Path.Combine(RootDirectory, "logs", name + ".log");
    }

    public string Name { get; }

    public string RootDirectory { get; }

    public string InstanceDirectory { get; }

    public string LogFile { get; }

    /// <summary>The id of the running server process, or null when it is not running.</summary>
    public int? ProcessId => State.ProcessId is { } id && DetachedProcess.IsAlive(id) ? id : null;

    protected virtual TimeSpan StartTimeout => TimeSpan.FromSeconds(90);

    protected virtual TimeSpan StopTimeout => TimeSpan.FromSeconds(30);

    private string StateFile => Path.Combine(InstanceDirectory, "server.json");

    private string LockFile => Path.Combine(InstanceDirectory, "start.lock");

    private ServerState State
    {
        get
        {
            lock (_stateLock)
            {
                return _state ??= ServerState.Read(StateFile) ?? ServerState.Empty();
            }
        }
    }

    public async Task<StartOutcome> StartAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(InstanceDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(LogFile)!);
        // Also serialises starts within this process: a second open of the lock file is refused too.
        using var startLock = await ExclusiveFileLock.AcquireAsync(LockFile, cancellationToken);
        ReloadState();
        if (ProcessId is not null && await IsReadyAsync(cancellationToken))
        {
            return StartOutcome.AlreadyRunning;
        }

        await PrepareAsync(cancellationToken);
        SaveState(State with { ProcessId = null }); // records the ports even if the launch fails
        var launched = await LaunchAsync(cancellationToken);
        SaveState(State with { ProcessId = launched });
        await WaitUntilReadyAsync(launched, cancellationToken);
        SaveState(State with { ProcessId = ServerProcessId(launched) });
        return StartOutcome.Started;
    }

    /// <summary>
    /// Installs and initialises what a launch needs and records the ports, for a server that someone else runs
    /// in the foreground (the AppHost, as an executable resource, with <see cref="ForegroundCommand"/>).
    /// </summary>
    public async Task PrepareForLaunchAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(InstanceDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(LogFile)!);
        using var startLock = await ExclusiveFileLock.AcquireAsync(LockFile, cancellationToken);
        await PrepareAsync(cancellationToken);
        SaveState(State with { ProcessId = null });
    }

    /// <summary>The program that runs the server in the foreground, its output on standard output and error.</summary>
    /// <exception cref="NotSupportedException">The server is only ever started detached, by <see cref="StartAsync"/>.</exception>
    public virtual ForegroundCommand ForegroundCommand() =>
        throw new NotSupportedException($"{Name} runs only as a detached process.");

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(InstanceDirectory))
        {
            return;
        }
        using var startLock = await ExclusiveFileLock.AcquireAsync(LockFile, cancellationToken);
        ReloadState();
        if (ProcessId is { } processId)
        {
            await StopProcessAsync(processId, cancellationToken);
        }
        SaveState(State with { ProcessId = null });
    }

    public abstract Task<bool> IsReadyAsync(CancellationToken cancellationToken = default);

    public abstract ResourceDescription Describe();

    /// <summary>Installs what is missing and initialises the data folder; runs before every launch.</summary>
    protected abstract Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Launches the program and returns the id of the process it started.</summary>
    protected abstract Task<int> LaunchAsync(CancellationToken cancellationToken);

    /// <summary>The process to watch and stop once ready, when the launched one is only a wrapper.</summary>
    protected virtual int ServerProcessId(int launchedProcessId) => launchedProcessId;

    /// <summary>Asks the server to stop; the caller waits for the process to exit and kills it if it does not.</summary>
    protected virtual Task ShutdownAsync(int processId, CancellationToken cancellationToken) =>
        DetachedProcess.SignalAsync(processId, "TERM", cancellationToken);

    /// <summary>
    /// The port recorded for <paramref name="key"/>. A new folder takes <paramref name="preferred"/>,
    /// or else a free one; once recorded, the port stays the same across restarts.
    /// </summary>
    protected int AssignedPort(string key, int? preferred = null)
    {
        lock (_stateLock)
        {
            var ports = State.Ports;
            if (!ports.TryGetValue(key, out var port))
            {
                port = preferred ?? FreePort.Next();
                ports[key] = port;
            }
            return port;
        }
    }

    /// <summary>Starts a process that outlives this one, its output going to <see cref="LogFile"/>.</summary>
    protected int StartDetached(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string? workingDirectory = null) =>
        DetachedProcess.Start(fileName, arguments, environment, workingDirectory ?? InstanceDirectory, LogFile);

    protected string LogTail(int lineCount = 30)
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(lineCount));
        }
        catch (IOException)
        {
            return "(no log yet)";
        }
    }

    private async Task WaitUntilReadyAsync(int launched, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await IsReadyAsync(cancellationToken))
        {
            if (!DetachedProcess.IsAlive(launched))
            {
                throw new InvalidOperationException($"{Name} exited while starting. The end of {LogFile}:\n{LogTail()}");
            }
            if (DateTime.UtcNow > deadline)
            {
                await StopProcessAsync(launched, cancellationToken);
                throw new TimeoutException($"{Name} was not ready after {StartTimeout}. The end of {LogFile}:\n{LogTail()}");
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    private async Task StopProcessAsync(int processId, CancellationToken cancellationToken)
    {
        await ShutdownAsync(processId, cancellationToken);
        if (!await DetachedProcess.WaitForExitAsync(processId, StopTimeout, cancellationToken))
        {
            await DetachedProcess.SignalAsync(processId, "KILL", cancellationToken);
            await DetachedProcess.WaitForExitAsync(processId, TimeSpan.FromSeconds(10), cancellationToken);
        }
    }

    private void ReloadState()
    {
        lock (_stateLock)
        {
            // Another process may have started the server meanwhile: its recorded ports win.
            var recorded = ServerState.Read(StateFile);
            if (recorded is not null && _state is not null)
            {
                foreach (var (key, port) in _state.Ports)
                {
                    recorded.Ports.TryAdd(key, port);
                }
            }
            _state = recorded ?? _state ?? ServerState.Empty();
        }
    }

    private void SaveState(ServerState state)
    {
        lock (_stateLock)
        {
            _state = state;
            state.Write(StateFile);
        }
    }
}
