namespace Platform.FaultDrills.Drills;

/// <summary>
/// The populations service killed (SIGKILL) while its outbox relay publishes a burst of events: a row can be
/// published and not yet marked sent, so it is published again after the restart and the inbox must absorb it.
/// </summary>
internal sealed class RelayKilled : Drill
{
    public override string Name => "relay-killed";

    public override async Task<DrillResult> RunAsync(DrillPlatform platform)
    {
        var prefix = NewPrefix();
        var advisor = new PolicyAdvisor(platform, prefix);
        for (var i = 0; i < 40; i++)
        {
            await advisor.DefineAsync();
        }

        // Killed as soon as the relay has published some of the burst and before it has marked all of them sent.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await advisor.PublishedAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        var publishedBeforeKill = await advisor.PublishedAsync();
        await platform.Populations.KillAsync();
        await platform.Populations.StartAsync();

        var settled = await advisor.AllAppliedAsync(TimeSpan.FromMinutes(2));
        var (applied, appliedTwice) = await advisor.AppliedAsync();
        return new DrillResult(Name, advisor.Defined.Count, advisor.Defined.Count, await advisor.PublishedAsync(), applied,
            Lost: advisor.Defined.Count - applied, Duplicated: appliedTwice,
            $"populations killed with {publishedBeforeKill} of 40 events marked sent{(settled ? "" : "; events still missing after 2 min")}");
    }
}
