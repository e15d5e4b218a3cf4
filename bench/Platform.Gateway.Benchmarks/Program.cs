using System.Globalization;
using System.Net;
using Platform.Gateway.Benchmarks;
using Platform.LocalInfrastructure;
using Platform.Testing;

// What the gateway costs on the hot path: one small authenticated GET answered by the backend directly,
// through the gateway (which validates the bearer token on every request) and through nginx (a plain
// proxy, no authentication), all driven by wrk in the same run. Arguments: [seconds per measurement].
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
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
var gateway = GatewayServer.Create(repository, root, identity, backend.Address);
var nginx = new NginxServer(root, backend.Address);
ProcessServer[] servers = [identity, gateway, nginx];
try
{
    foreach (var server in servers)
    {
        await server.StopAsync(cancel); // one left behind by an interrupted run
        await server.StartAsync(cancel);
    }

    var tokens = new TokenClient(identity.Issuer);
    (string Name, Uri Url)[] targets =
    [
        ("direct", new Uri(backend.Address, PingBackend.PingPath)),
        ("gateway", new Uri(gateway.BaseAddress, PingBackend.PingPath)),
        ("nginx", new Uri(nginx.BaseAddress, PingBackend.PingPath)),
    ];
    await Checks.AllAnswerAsync(targets.Select(t => t.Url), await tokens.PasswordTokenAsync("advisor.alphen", cancellationToken: cancel), cancel);
    await Checks.GatewayRefusesAsync(targets[1].Url, cancel);

    Console.WriteLine($"GET {PingBackend.PingPath} with a bearer token; the backend answers {PingBackend.Body.Length} bytes of JSON.");
    Console.WriteLine($"wrk --latency, {seconds} s per target after a warm-up of the same load. nginx: plain proxy_pass, worker_processes auto ({Environment.ProcessorCount}).");
    Console.WriteLine($"wrk, backend, gateway, nginx and identity provider all share the same {Environment.ProcessorCount} cores. Load average before: {LoadAverage()}.");

    // Under load on two shared cores the gateway's tiered JIT needs about 15 s to reach steady
    // state (its throughput triples meanwhile); every target gets the same warm-up.
    var underLoad = await MeasureAllAsync("under load: wrk -t2 -c32, after 20 s of warm-up", threads: 2, connections: 32, warmUpSeconds: 20);
    var oneAtATime = await MeasureAllAsync("one request at a time: wrk -t1 -c1, after 5 s of warm-up", threads: 1, connections: 1, warmUpSeconds: 5);

    Console.WriteLine();
    Console.WriteLine($"gateway/nginx requests/s under load:   {underLoad["gateway"].RequestsPerSecond / underLoad["nginx"].RequestsPerSecond,5:N2}   (target >= 0.67)");
    Console.WriteLine($"p50 the gateway adds over direct:      {underLoad["gateway"].P50 - underLoad["direct"].P50,5:N2} ms under load, {oneAtATime["gateway"].P50 - oneAtATime["direct"].P50:N2} ms one at a time   (target <= 1 ms)");
    Console.WriteLine($"p50 nginx adds over direct:            {underLoad["nginx"].P50 - underLoad["direct"].P50,5:N2} ms under load, {oneAtATime["nginx"].P50 - oneAtATime["direct"].P50:N2} ms one at a time");
    Console.WriteLine($"Load average after: {LoadAverage()}.");
    return 0;

    async Task<Dictionary<string, WrkResult>> MeasureAllAsync(string title, int threads, int connections, int warmUpSeconds)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"{"target",-10}{"requests/s",12}{"p50",12}{"p99",12}");
        var results = new Dictionary<string, WrkResult>();
        foreach (var (name, url) in targets)
        {
            // Tokens live 300 s: a fresh one for each warm-up and measurement.
            var token = await tokens.PasswordTokenAsync("advisor.alphen", cancellationToken: cancel);
            await Wrk.RunAsync(url, token, threads, connections, warmUpSeconds, cancel);
            var result = await Wrk.RunAsync(url, token, threads, connections, seconds, cancel);
            if (result.Failures > 0)
            {
                throw new InvalidOperationException($"{name}: {result.Failures} of {result.Requests} requests failed; the figures would be wrong.");
            }

            Console.WriteLine($"{name,-10}{result.RequestsPerSecond,12:N0}{result.P50,9:N2} ms{result.P99,9:N2} ms");
            results[name] = result;
        }

        return results;
    }
}
finally
{
    foreach (var server in servers.Reverse())
    {
        await server.StopAsync(CancellationToken.None);
    }
}

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
