using System.Globalization;
using Platform.Grpc.Client;
using Platform.LocalInfrastructure;
using Platform.Referrals;
using Platform.Referrals.Benchmarks;
using Platform.Referrals.Domain;
using Platform.Referrals.Intake;
using Platform.Testing;

// 1. Referral intake: 200,000 referrals over gRPC through the gateway into the referrals service's PostgreSQL,
//    against a binary COPY of the same rows (the limit here). 2. Signal computation for a municipality with a
//    year of 1,000,000 referrals, against the target of one second, with its SQL aggregation timed on its own.
// Arguments: [intake rounds, default 3] [signal runs, default 5].
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var signalRuns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
const string ProviderId = "tom-in-de-buurt";
const string ProviderClient = "provider-tom-in-de-buurt";
#if DEBUG
Console.WriteLine("Debug build: run with -c Release for numbers worth comparing.");
#endif

var repository = RepositoryRoot.Find();
var root = Path.Combine(repository, ".local", "bench", "referrals");
await using var postgres = new BenchPostgres(root);
var rabbitMq = new RabbitMqServer(root);
var identity = new IdentityProviderServer(root, repository);
await using var serviceDb = await StartInfrastructureAsync();
var populationId = Guid.CreateVersion7();
await ReadModel.AddPopulationAsync(serviceDb, populationId, SyntheticReferrals.Municipality, "Alphen aan den Rijn, alle leeftijden", [SyntheticReferrals.Municipality]);
await ReadModel.AddResponsibilityAsync(serviceDb, populationId, SyntheticReferrals.Municipality, ProviderId);

var referrals = new ServiceServer("referrals", "Platform.Referrals", root, "/health", () => new Dictionary<string, string>
{
    ["ConnectionStrings__referralsdb"] = serviceDb.Settings.OwnerConnectionString,
    ["ConnectionStrings__messaging"] = ServiceServer.Text(rabbitMq.AmqpUri),
    ["Identity__Authority"] = ServiceServer.Text(identity.Issuer),
    ["Referrals__SeedDemoReferrals"] = "false",
    // The detector would otherwise compute GM0484's signals every 30 s during the intake; part 2 measures it.
    ["Referrals__Signals__Interval"] = "01:00:00",
});
var gateway = new ServiceServer("gateway", "Platform.Gateway", root, "/alive", () => new Dictionary<string, string>
{
    ["Identity__Authority"] = ServiceServer.Text(identity.Issuer),
    ["services__referrals__grpc__0"] = ServiceServer.Text(referrals.GrpcAddress),
    ["Gateway__GrpcServices__platform.provider.v1.ProviderReferrals"] = "referrals",
    // Far above what the benchmark sends, so the rate limiter does its work but never refuses.
    ["Gateway__RequestsPerMinute"] = "100000000",
});
ProcessServer[] services = [referrals, gateway];
try
{
    foreach (var server in services)
    {
        await server.StopAsync(); // one left behind by an interrupted run
        await server.StartAsync();
    }

    Console.WriteLine($"PostgreSQL on port {postgres.Port}; referrals service {referrals.GrpcAddress} (gRPC) behind the gateway {gateway.GrpcAddress}; " +
        $"{Environment.ProcessorCount} cores shared by all. Load average before: {LoadAverage()}.");
    var token = new ProviderToken(new TokenClient(identity.Issuer), ProviderClient, TokenClient.DevelopmentSecret(ProviderClient));
    var options = new GrpcClientOptions { AccessTokenProvider = token.GetAsync };
    var today = TimeProvider.System.Today();
    var submissions = SyntheticReferrals.Create(IntakeSpeed.Count, today);
    var batches = SyntheticReferrals.Batches(submissions, IntakeSpeed.PerMessage);
    var paths = new IntakePaths(
        GrpcClient.Create(gateway.GrpcAddress, options), GrpcClient.Create(referrals.GrpcAddress, options),
        new ReferralIntake(serviceDb.Database, TimeProvider.System), ProviderId);

    await using (var copyDb = await postgres.FreshDatabaseAsync("referralsdb_copy", CancellationToken.None))
    {
        var peer = new CopyPeer(copyDb, submissions, ProviderId, populationId);
        await IntakeSpeed.RunAsync(serviceDb, copyDb, paths, peer, batches, rounds);
    }

    Console.WriteLine($"Load average after the intake: {LoadAverage()}.");
}
finally
{
    foreach (var server in services.Reverse())
    {
        await server.StopAsync();
    }
}

// The services are stopped: the computation runs in this process alone, against a database of its own.
Console.WriteLine();
await using (var signalsDb = await postgres.FreshDatabaseAsync("referralsdb_signals", CancellationToken.None))
{
    await SignalSpeed.RunAsync(signalsDb, 1_000_000, signalRuns, Path.Combine(root, "signal-counts-plan.txt"));
}

Console.WriteLine($"Load average after (this run included): {LoadAverage()}.");
await rabbitMq.StopAsync();
await identity.StopAsync();

async Task<BenchDatabase> StartInfrastructureAsync()
{
    await Task.WhenAll(postgres.StartAsync(CancellationToken.None), rabbitMq.StartAsync(), identity.StartAsync());
    return await postgres.FreshDatabaseAsync(Extensions.DatabaseName, CancellationToken.None);
}

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
