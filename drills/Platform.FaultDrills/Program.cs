using Platform.FaultDrills;
using Platform.FaultDrills.Drills;

// Fault drills: each breaks one part of a running platform on purpose while it works, then counts what was sent,
// stored, published and applied, and what was lost or duplicated. Arguments: the drills to run (default: all).
// Not part of ./test.sh: each takes a minute or more and restarts servers.
Drill[] all = [new BrokerRestart(), new DatabaseRestart(), new ServiceKilled(), new RelayKilled(), new PoisonMessages(), new IdentityOutage()];
var chosen = args.Length == 0 ? all : all.Where(drill => args.Contains(drill.Name)).ToArray();
if (chosen.Length == 0)
{
    Console.Error.WriteLine($"Unknown drill. Drills: {string.Join(", ", all.Select(drill => drill.Name))}");
    return 2;
}

Console.WriteLine("Starting PostgreSQL, RabbitMQ, the identity provider, and the populations and referrals services with the demo region...");
await using var platform = await DrillPlatform.StartAsync();
await WaitForDemoRegionAsync(platform);

var results = new List<DrillResult>();
foreach (var drill in chosen)
{
    var result = await drill.RunAsync(platform);
    results.Add(result);
    Console.WriteLine(result);
}

return results.All(result => result.Passed) ? 0 : 1;

// The provider's referrals are accepted once the referrals service learnt the demo region's populations and
// who answers for them from the populations service's events.
static async Task WaitForDemoRegionAsync(DrillPlatform platform)
{
    var probe = new ProviderSystem(platform, $"drill-probe-{Guid.NewGuid():N}"[..20]);
    var deadline = DateTime.UtcNow.AddMinutes(3);
    while (true)
    {
        try
        {
            await probe.SendBatchAsync(1);
            return;
        }
        catch (InvalidOperationException) when (DateTime.UtcNow < deadline)
        {
            await Task.Delay(2000);
        }
    }
}
