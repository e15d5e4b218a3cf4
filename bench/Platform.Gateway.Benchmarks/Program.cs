using System.Globalization;
using Platform.Gateway.Benchmarks;
using Platform.LocalInfrastructure;
using Platform.Testing;

// What the gateway costs on the hot path: one small authenticated GET answered by the backend directly,
// through the gateway (which validates the bearer token), through YARP with nothing configured and
// through nginx (plain proxies, no authentication), all driven by wrk in the same run.
// Arguments: [seconds per measurement, default 5] [rounds, default 3].
if (args is [BareYarp.Command, var listenUrl, var backendUrl])
{
    return await BareYarp.RunAsync(listenUrl, backendUrl);
}

var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop everything below instead of leaving the servers running
    cancellation.Cancel();
};
var cancel = cancellation.Token;

await DebianPackage.EnsureInstalledAsync("wrk", Wrk.Executable, cancel);
await DebianPackage.EnsureInstalledAsync("nginx", NginxServer.Executable, cancel);

var repository = RepositoryRoot.Find();
var root = Path.Combine(repository, ".local", "bench", "gateway");
await using var backend = await PingBackend.StartAsync(cancel);
var identity = new IdentityProviderServer(root, repository);
var gateway = new GatewayServer(repository, root, identity, backend.Address);
var bareYarp = new BareYarpServer(root, backend.Address);
var nginx = new NginxServer(root, backend.Address);
ProcessServer[] servers = [identity, gateway, bareYarp, nginx];
try
{
    foreach (var server in servers)
    {
        await server.StopAsync(cancel); // one left behind by an interrupted run
        await server.StartAsync(cancel);
    }

    var tokens = new TokenClient(identity.Issuer);
    (string Name, Uri Url, Func<int?> ProcessId)[] targets =
    [
        ("direct", new Uri(backend.Address, PingBackend.PingPath), () => Environment.ProcessId),
        ("gateway", new Uri(gateway.BaseAddress, PingBackend.PingPath), () => gateway.ProcessId),
        ("bare-yarp", new Uri(bareYarp.BaseAddress, PingBackend.PingPath), () => bareYarp.ProcessId),
        ("nginx", new Uri(nginx.BaseAddress, PingBackend.PingPath), () => nginx.ProcessId),
    ];
    await Checks.AllAnswerAsync(targets.Select(t => t.Url), await tokens.PasswordTokenAsync("advisor.alphen", cancellationToken: cancel), cancel);
    await Checks.GatewayRefusesAsync(targets[1].Url, cancel);

    Console.WriteLine($"GET {PingBackend.PingPath} with a bearer token; the backend answers {PingBackend.Body.Length} bytes of JSON.");
    Console.WriteLine($"wrk --latency; medians of {rounds} rounds of {seconds} s per target, the targets taking turns. nginx: plain proxy_pass, worker_processes auto ({Environment.ProcessorCount}).");
    Console.WriteLine($"bare-yarp: YARP with one catch-all route and nothing else (no authentication, rate limiting, transforms or telemetry).");
    Console.WriteLine($"wrk, backend, gateway, bare YARP, nginx and identity provider all share the same {Environment.ProcessorCount} cores. Load average before: {LoadAverage()}.");

    var run = new LoadRun(targets, token => tokens.PasswordTokenAsync("advisor.alphen", cancellationToken: token));
    // Under load on two shared cores the gateway's tiered JIT needs about 15 s to reach steady
    // state (its throughput roughly triples meanwhile); every target gets the same warm-up.
    var underLoad = await run.MeasureAsync(threads: 2, connections: 32, warmUpSeconds: 20, seconds, rounds, cancel);
    Print("under load: wrk -t2 -c32, after 20 s of warm-up", underLoad);
    var oneAtATime = await run.MeasureAsync(threads: 1, connections: 1, warmUpSeconds: 5, seconds, rounds, cancel);
    Print("one request at a time: wrk -t1 -c1, after 5 s of warm-up", oneAtATime);

    Console.WriteLine();
    PrintRatio(underLoad, "gateway", "nginx", "   target >= 0.67");
    PrintRatio(underLoad, "bare-yarp", "nginx", "");
    PrintRatio(underLoad, "gateway", "bare-yarp", "");
    Console.WriteLine($"CPU per request under load, gateway/nginx: {CpuRatio(underLoad, "gateway", "nginx"):N2}, bare-yarp/nginx: {CpuRatio(underLoad, "bare-yarp", "nginx"):N2}, gateway/bare-yarp: {CpuRatio(underLoad, "gateway", "bare-yarp"):N2}");
    Console.WriteLine($"p50 the gateway adds over direct:     {Added(underLoad, "gateway"):N2} ms under load, {Added(oneAtATime, "gateway"):N2} ms one at a time   target <= 1 ms");
    Console.WriteLine($"p50 bare YARP adds over direct:       {Added(underLoad, "bare-yarp"):N2} ms under load, {Added(oneAtATime, "bare-yarp"):N2} ms one at a time");
    Console.WriteLine($"p50 nginx adds over direct:           {Added(underLoad, "nginx"):N2} ms under load, {Added(oneAtATime, "nginx"):N2} ms one at a time");
    Console.WriteLine($"Load average after (this run included): {LoadAverage()}.");
    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
finally
{
    foreach (var server in servers.Reverse())
    {
        await server.StopAsync(CancellationToken.None);
    }
}

static void Print(string title, Dictionary<string, WrkResult[]> results)
{
    Console.WriteLine();
    Console.WriteLine(title);
    Console.WriteLine($"{"target",-10}{"requests/s",12}{"p50",12}{"p99",12}{"CPU/request",14}");
    foreach (var (name, rounds) in results)
    {
        Console.WriteLine($"{name,-10}{LoadRun.Median(rounds.Select(r => r.RequestsPerSecond)),12:N0}" +
            $"{LoadRun.Median(rounds.Select(r => r.P50)),9:N2} ms{LoadRun.Median(rounds.Select(r => r.P99)),9:N2} ms" +
            $"{LoadRun.Median(rounds.Select(r => r.CpuMicroseconds)),11:N0} µs");
    }
}

// Per round, against the other target measured next to it in time.
static void PrintRatio(Dictionary<string, WrkResult[]> results, string target, string peer, string note)
{
    var ratios = results[target].Zip(results[peer], (t, p) => t.RequestsPerSecond / p.RequestsPerSecond).ToArray();
    var label = $"{target}/{peer} requests/s under load:";
    Console.WriteLine($"{label,-42}{LoadRun.Median(ratios):N2} (rounds {ratios.Min():N2}-{ratios.Max():N2}){note}");
}

static double CpuRatio(Dictionary<string, WrkResult[]> results, string target, string peer) =>
    LoadRun.Median(results[target].Zip(results[peer], (t, p) => t.CpuMicroseconds / p.CpuMicroseconds));

// Per round, against the direct measurement next to it in time.
static double Added(Dictionary<string, WrkResult[]> results, string target) =>
    LoadRun.Median(results[target].Zip(results["direct"], (via, direct) => via.P50 - direct.P50));

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
