using System.Globalization;
using System.Net.Http.Headers;
using Platform.Portal.Benchmarks;
using Platform.Testing;

// What the staff portal costs: the server-side render time of its heaviest screen (the referrals funnel plot: one
// service call, an SVG chart and a table) beside the service call it is drawn from, and the portal's resident
// memory per signed-in user while 50 sessions load that screen at once. Everything real: identity provider,
// gateway with browser sessions, the five services with their demo data, the portal.
// Arguments: [requests per timing, default 200] [concurrent sessions, default 50] [pages per session, default 10].
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var sessions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var pagesPerSession = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
const string User = "advisor.alphen";
const string Query = "?unit=district&period=year&kind=cost-shifting&date=2026-06-30";
const string Screen = "/verwijzingen/trechter?eenheid=district&periode=year&soort=cost-shifting&datum=2026-06-30";
const string Api = "/api/referrals/figures/funnel" + Query;

Console.WriteLine($"Load average before start: {LoadAverage()} ({Environment.ProcessorCount} cores, shared with every part below).");
await using var platform = await PortalPlatform.StartAsync();
var gateway = platform.Gateway.BaseAddress;
var portalProcess = platform.Portal.ProcessId ?? throw new InvalidOperationException("The portal is not running.");
var token = await platform.Tokens.PasswordTokenAsync(User);

using var api = new HttpClient { BaseAddress = gateway };
api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
using var direct = new HttpClient { BaseAddress = platform.Portal.BaseAddress };
direct.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
using var browser = await BrowserUser.SignInAsync(gateway, User, TokenClient.DemoPassword);

var points = (await api.GetStringAsync(new Uri(Api, UriKind.Relative))).Split("\"unitId\"").Length - 1;
var pageBytes = await browser.GetPageAsync(Screen, CancellationToken.None);
Console.WriteLine($"Screen {Screen}: {points} units in the funnel, {pageBytes:N0} bytes of HTML.");

// Warm-up: the JIT of the portal, gateway and service reaches its steady state on every path measured.
Task Page() => browser.GetPageAsync(Screen, CancellationToken.None);
async Task Direct() => (await direct.GetAsync(new Uri(Screen, UriKind.Relative))).EnsureSuccessStatusCode().Dispose();
async Task Service() => (await api.GetAsync(new Uri(Api, UriKind.Relative))).EnsureSuccessStatusCode().Dispose();
foreach (var warmUp in new[] { Page, Direct, Service })
{
    await Timings.MeasureAsync(Math.Max(20, requests / 4), warmUp);
}

Console.WriteLine($"Load average after warm-up: {LoadAverage()}.");
Console.WriteLine();
Console.WriteLine($"One request at a time, {requests} each, after warm-up (ms):");
Console.WriteLine($"{"path",-58}{"p50",9}{"p95",9}{"max",9}");
var service = await Timings.MeasureAsync(requests, Service);
var portal = await Timings.MeasureAsync(requests, Direct);
var page = await Timings.MeasureAsync(requests, Page);
Print("service call alone (bearer, through the gateway)", service);
Print("portal renders the screen (bearer, to the portal itself)", portal);
Print("browser session through the gateway (what a user waits)", page);
Console.WriteLine($"Portal's own render time (portal p50 - service p50): {Timings.Percentile(portal, 0.5) - Timings.Percentile(service, 0.5):N2} ms; " +
    $"portal/service p50 ratio: {Timings.Percentile(portal, 0.5) / Timings.Percentile(service, 0.5):N2}");

Console.WriteLine();
var idle = ProcessMemory.ResidentMegabytes(portalProcess);
var users = new List<BrowserUser>();
try
{
    // Demo users of the same role sign in over and over: every login opens a session of its own at the gateway.
    for (var i = 0; i < sessions; i++)
    {
        users.Add(await BrowserUser.SignInAsync(gateway, User, TokenClient.DemoPassword));
    }

    var signedIn = ProcessMemory.ResidentMegabytes(portalProcess);
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var load = Task.WhenAll(users.Select(async u =>
    {
        for (var i = 0; i < pagesPerSession; i++)
        {
            await u.GetPageAsync(Screen, CancellationToken.None);
        }
    }));
    var peak = await ProcessMemory.PeakWhileAsync(portalProcess, load);
    var seconds = watch.Elapsed.TotalSeconds;
    await Task.Delay(TimeSpan.FromSeconds(2));
    var after = ProcessMemory.ResidentMegabytes(portalProcess);
    Console.WriteLine($"{sessions} signed-in sessions, each loading the screen {pagesPerSession} times, all at once:");
    Console.WriteLine($"portal resident memory: {idle:N1} MB warm and idle, {signedIn:N1} MB with {sessions} sessions open, " +
        $"{peak:N1} MB peak under their load, {after:N1} MB 2 s later");
    Console.WriteLine($"per signed-in user: {(peak - idle) / sessions:N2} MB at the peak, {(after - idle) / sessions:N2} MB after; " +
        $"{sessions * pagesPerSession / seconds:N1} screens/s over {seconds:N1} s");
}
finally
{
    users.ForEach(u => u.Dispose());
}

Console.WriteLine($"Load average after (this run included): {LoadAverage()}.");
return 0;

static void Print(string name, double[] sorted) =>
    Console.WriteLine($"{name,-58}{Timings.Percentile(sorted, 0.5),9:N2}{Timings.Percentile(sorted, 0.95),9:N2}{sorted[^1],9:N2}");

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
