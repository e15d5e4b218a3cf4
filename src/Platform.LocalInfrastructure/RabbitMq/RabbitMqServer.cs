using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.LocalInfrastructure;

/// <summary>
/// A private RabbitMQ 3.10 node (Debian package) on 127.0.0.1, started with its own
/// environment so it shares nothing with a system-wide broker but Erlang's port mapper (epmd).
/// </summary>
public sealed class RabbitMqServer : ProcessServer
{
    public const string User = "platform";
    public const string Password = "platform";

    private const string BinDirectory = "/usr/lib/rabbitmq/bin";

    private readonly int? _preferredAmqpPort;

    /// <param name="rootDirectory">The folder holding <c>rabbitmq/</c> (data and state) and <c>logs/</c>.</param>
    /// <param name="managementPlugin">Serve the management web console (slower start; handy for the local run).</param>
    /// <param name="amqpPort">The AMQP port for a new instance; a free one when null. A running instance keeps its own.</param>
    public RabbitMqServer(string rootDirectory, bool managementPlugin = false, int? amqpPort = null)
        : base("rabbitmq", rootDirectory)
    {
        ManagementPlugin = managementPlugin;
        _preferredAmqpPort = amqpPort;
        var folderHash = SHA256.HashData(Encoding.UTF8.GetBytes(InstanceDirectory));
        NodeName = $"platform-{Convert.ToHexStringLower(folderHash)[..10]}@localhost";
    }

    public bool ManagementPlugin { get; }

    /// <summary>The Erlang node name; one per folder, so two instances never claim the same name in epmd.</summary>
    public string NodeName { get; }

    public int AmqpPort => AssignedPort("amqp", _preferredAmqpPort);

    public Uri AmqpUri => new($"amqp://{User}:{Password}@127.0.0.1:{AmqpPort}/");

    public Uri? ManagementUrl => ManagementPlugin ? new($"http://127.0.0.1:{AssignedPort("management")}/") : null;

    /// <summary>
    /// Creates a virtual host with every permission for <see cref="User"/> and returns its AMQP address. Exchanges and
    /// queues of one virtual host never see another's, so a test that publishes events can have a broker of its own
    /// on the shared node.
    /// </summary>
    public async Task<Uri> AddVirtualHostAsync(string name, CancellationToken cancellationToken = default)
    {
        await ControlAsync(["add_vhost", name], cancellationToken);
        await ControlAsync(["set_permissions", "-p", name, User, ".*", ".*", ".*"], cancellationToken);
        return new Uri(AmqpUri, Uri.EscapeDataString(name));
    }

    private async Task ControlAsync(string[] arguments, CancellationToken cancellationToken) =>
        await CommandRunner.RunCheckedAsync(
            "env", [$"HOME={HomeDirectory}", Path.Combine(BinDirectory, "rabbitmqctl"), "-n", NodeName, .. arguments], cancellationToken);

    /// <summary>The HOME that holds the node's Erlang cookie, for <c>rabbitmqctl -n NodeName</c>.</summary>
    public string HomeDirectory => Path.Combine(InstanceDirectory, "home");

    private int DistributionPort => AssignedPort("distribution");

    private string PidFile => Path.Combine(InstanceDirectory, "rabbitmq.pid");

    private string ConfigFile => Path.Combine(InstanceDirectory, "rabbitmq.conf");

    private string PluginsFile => Path.Combine(InstanceDirectory, "enabled_plugins");

    public override Task<bool> IsReadyAsync(CancellationToken cancellationToken = default) =>
        AmqpProbe.AcceptsConnectionsAsync(AmqpPort, cancellationToken);

    public override ResourceDescription Describe() =>
        new(Name, AmqpUri.ToString(), LogFile, ProcessId, ManagementUrl?.ToString());

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await DebianPackages.EnsureInstalledAsync("rabbitmq-server", Path.Combine(BinDirectory, "rabbitmq-server"), cancellationToken);
        Directory.CreateDirectory(HomeDirectory);
        Directory.CreateDirectory(Path.Combine(InstanceDirectory, "mnesia"));
        await File.WriteAllTextAsync(ConfigFile, ConfigText(), cancellationToken);
        await File.WriteAllTextAsync(PluginsFile, ManagementPlugin ? "[rabbitmq_management].\n" : "[].\n", cancellationToken);
    }

    protected override Task<int> LaunchAsync(CancellationToken cancellationToken) =>
        // The script in /usr/sbin would switch to the rabbitmq account and log to /var/log; this one runs as we are.
        Task.FromResult(StartDetached(Path.Combine(BinDirectory, "rabbitmq-server"), [], ServerEnvironment()));

    public override ForegroundCommand ForegroundCommand() =>
        new(Path.Combine(BinDirectory, "rabbitmq-server"), [], ServerEnvironment(), InstanceDirectory);

    // The launched script is a wrapper that waits for the Erlang VM; the VM writes its own pid file.
    protected override int ServerProcessId(int launchedProcessId) =>
        File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), CultureInfo.InvariantCulture, out var vm)
            ? vm
            : launchedProcessId;

    // No ShutdownAsync override: SIGTERM to the VM is RabbitMQ's own clean stop (the same sequence as
    // "rabbitmqctl stop"), without booting a second Erlang VM for the command-line tool.

    /// <summary>
    /// Stops Erlang's port mapper (epmd), which the first node starts and which outlives every node.
    /// epmd refuses while any node is still registered, so this never disturbs a running broker.
    /// </summary>
    public static async Task StopPortMapperIfIdleAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await CommandRunner.RunAsync("epmd", ["-kill"], cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Erlang is not installed, so there is no port mapper either.
        }
    }

    private string ConfigText()
    {
        var lines = new List<string>
        {
            "# Written by Platform.LocalInfrastructure before every start.",
            $"listeners.tcp.default = 127.0.0.1:{AmqpPort}",
            $"default_user = {User}",
            $"default_pass = {Password}",
        };
        if (ManagementUrl is { } management)
        {
            lines.Add("management.tcp.ip = 127.0.0.1");
            lines.Add($"management.tcp.port = {management.Port}");
        }
        return string.Join('\n', lines) + "\n";
    }

    private Dictionary<string, string> ServerEnvironment() => new()
    {
        // Holds the Erlang cookie; "rabbitmqctl -n <node>" needs the same HOME to be let in.
        ["HOME"] = HomeDirectory,
        // Keeps a machine-wide /etc/rabbitmq/rabbitmq-env.conf out of this instance.
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(InstanceDirectory, "rabbitmq-env.conf"),
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(InstanceDirectory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(InstanceDirectory, "log"),
        ["RABBITMQ_LOGS"] = "-", // to standard output, which goes to the log file
        ["RABBITMQ_PID_FILE"] = PidFile,
        ["RABBITMQ_CONFIG_FILE"] = ConfigFile,
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(InstanceDirectory, "advanced.config"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = PluginsFile,
        // Node-to-node traffic stays on loopback too.
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
    };
}
