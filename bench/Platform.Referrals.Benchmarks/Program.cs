using System.Globalization;
using Platform.LocalInfrastructure;
using Platform.Referrals;
using Platform.Referrals.Benchmarks;
using Platform.Referrals.Domain;
using Platform.Referrals.Intake;
using Platform.Resources;
using Platform.Testing;

// 1. Referral intake: 200,000 referrals over gRPC through the gateway into the referrals service's PostgreSQL,
//    against a binary COPY of the same rows (the limit here), and the signal counts it keeps checked against a
//    rebuild. 2. Signals for a municipality with a year of 1,000,000 referrals: the one-off rebuild of its counts,
//    and the computation from the counts against the target of one second, with the read of the counts timed apart.
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
try
{
    await Task.WhenAll(postgres.StartAsync(CancellationToken.None), rabbitMq.StartAsync(), identity.StartAsync());
    await using (var serviceDb = await postgres.FreshDatabaseAsync(PlatformResources.Referrals.Database!, CancellationToken.None))
    await using (var copyDb = await postgres.FreshDatabaseAsync("referralsdb_copy", CancellationToken.None))
    {
        var populationId = Guid.CreateVersion7();
        await ReadModel.AddPopulationAsync(serviceDb, populationId, SyntheticReferrals.Municipality, "Alphen aan den Rijn, alle leeftijden", [SyntheticReferrals.Municipality]);
        await ReadModel.AddResponsibilityAsync(serviceDb, populationId, SyntheticReferrals.Municipality, ProviderId);
        await ReadModel.AddNeighbourhoodsAsync(serviceDb, SyntheticReferrals.Municipality);
        var referrals = PlatformProcesses.Referrals(root, serviceDb, rabbitMq, identity);
        var gateway = PlatformProcesses.Gateway(root, identity, referrals);
        try
        {
            foreach (var server in (ProcessServer[])[referrals, gateway])
            {
                await server.StopAsync(); // one left behind by an interrupted run
                await server.StartAsync();
            }

            Console.WriteLine($"PostgreSQL on port {postgres.Port}; the referrals service's gRPC on {referrals.GrpcAddress}, the gateway's on {gateway.GrpcAddress}; " +
                $"{Environment.ProcessorCount} cores shared by all. Load average before: {LoadAverage()}.");
            var token = new ProviderToken(new TokenClient(identity.Issuer), ProviderClient, TokenClient.DevelopmentSecret(ProviderClient));
            var submissions = SyntheticReferrals.Create(IntakeSpeed.Count, TimeProvider.System.Today());
            var paths = new IntakePaths(
                new(GrpcTestClients.Invoker(gateway.GrpcAddress, token.GetAsync)), new(GrpcTestClients.Invoker(referrals.GrpcAddress, token.GetAsync)),
                new ReferralIntake(serviceDb.Database, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new ReferralsOptions())), ProviderId);
            await IntakeSpeed.RunAsync(serviceDb, copyDb, paths, new CopyPeer(copyDb, submissions, ProviderId, populationId),
                SyntheticReferrals.Batches(submissions, IntakeSpeed.PerMessage), rounds, new CpuMeter(() => gateway.ProcessId, () => referrals.ProcessId, () => postgres.ProcessId));
            Console.WriteLine($"Load average after the intake: {LoadAverage()}.");
        }
        finally
        {
            await gateway.StopAsync();
            await referrals.StopAsync();
        }
    }

    // The services are stopped: the computation runs in this process alone, against a database of its own.
    Console.WriteLine();
    await using (var signalsDb = await postgres.FreshDatabaseAsync("referralsdb_signals", CancellationToken.None))
    {
        await SignalSpeed.RunAsync(signalsDb, 1_000_000, signalRuns, Path.Combine(root, "signal-counts-plans.txt"));
    }

    Console.WriteLine($"Load average after (this run included): {LoadAverage()}.");
}
finally
{
    await rabbitMq.StopAsync();
    await identity.StopAsync();
}

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
