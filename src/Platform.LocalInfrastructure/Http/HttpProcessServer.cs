namespace Platform.LocalInfrastructure;

/// <summary>
/// How to run a program that serves HTTP: a platform service (<c>dotnet Service.dll</c>) or the
/// local identity provider (<c>node infra/identity/server.js</c>).
/// </summary>
/// <param name="FileName">The program, e.g. <c>dotnet</c> or <c>node</c>.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="WorkingDirectory">Where it runs.</param>
/// <param name="Environment">Its environment, given the base address it must listen on.</param>
public sealed record HttpProcessCommand(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    Func<Uri, IReadOnlyDictionary<string, string>> Environment);

/// <summary>A program listening on a loopback HTTP port, ready when a GET of its readiness path answers 200.</summary>
public sealed class HttpProcessServer : ProcessServer
{
    private static readonly HttpClient s_probeClient = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly HttpProcessCommand _command;
    private readonly string _readinessPath;
    private readonly int? _preferredPort;

    /// <param name="name">The resource name; also the folder and log file name.</param>
    /// <param name="rootDirectory">The folder holding <c>&lt;name&gt;/</c> (state) and <c>logs/</c>.</param>
    /// <param name="command">How to run the program.</param>
    /// <param name="readinessPath">The path that answers 200 once the program serves requests.</param>
    /// <param name="port">The port for a first start; a free one when null.</param>
    public HttpProcessServer(
        string name, string rootDirectory, HttpProcessCommand command, string readinessPath = "/health", int? port = null)
        : base(name, rootDirectory)
    {
        _command = command;
        _readinessPath = readinessPath;
        _preferredPort = port;
    }

    public int Port => AssignedPort("http", _preferredPort);

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>
    /// A second port for the program's cleartext HTTP/2 (gRPC) listener, chosen once and kept like
    /// the HTTP port; the program is told it through its environment.
    /// </summary>
    public Uri GrpcAddress => new($"http://127.0.0.1:{AssignedPort("grpc")}");

    public override async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await s_probeClient.GetAsync(new Uri(BaseAddress, _readinessPath), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    public override ResourceDescription Describe() => new(Name, BaseAddress.ToString(), LogFile, ProcessId);

    protected override Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override ForegroundCommand ForegroundCommand() =>
        new(_command.FileName, _command.Arguments, _command.Environment(BaseAddress), _command.WorkingDirectory);

    protected override Task<int> LaunchAsync(CancellationToken cancellationToken) =>
        Task.FromResult(StartDetached(
            _command.FileName, _command.Arguments, _command.Environment(BaseAddress), _command.WorkingDirectory));
}
