namespace Platform.FaultDrills.Drills;

/// <summary>
/// A message no consumer can read, put into each of the referrals service's queues: each must end in that queue's
/// error queue, kept and visible, and the events behind it must still be applied.
/// </summary>
internal sealed class PoisonMessages : Drill
{
    public override string Name => "poison-messages";

    public override async Task<DrillResult> RunAsync(DrillPlatform platform)
    {
        var before = await platform.ReferralsQueuesAsync();
        var queues = before.Keys.Where(name => !name.EndsWith("_error", StringComparison.Ordinal) && !name.EndsWith("_skipped", StringComparison.Ordinal)).ToList();
        foreach (var queue in queues)
        {
            await platform.PublishRawAsync(queue, "{ this is not an event", "application/vnd.masstransit+json");
        }

        var advisor = new PolicyAdvisor(platform, NewPrefix());
        await advisor.DefineAsync();
        var settled = await advisor.AllAppliedAsync(TimeSpan.FromMinutes(1));

        // The management API's counts refresh every few seconds.
        var parked = 0L;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var after = await platform.ReferralsQueuesAsync();
            parked = queues.Sum(queue => after.GetValueOrDefault(queue + "_error") - before.GetValueOrDefault(queue + "_error"));
            if (parked >= queues.Count)
            {
                break;
            }

            await Task.Delay(1000);
        }

        var (applied, appliedTwice) = await advisor.AppliedAsync();
        return new DrillResult(Name, queues.Count + 1, parked + 1, 1, applied,
            Lost: queues.Count - parked + (1 - applied), Duplicated: appliedTwice,
            $"{queues.Count} consumer queue(s) poisoned, {parked} message(s) parked in their error queues; the next event {(settled ? "applied" : "NOT applied")}");
    }
}
