namespace Platform.FaultDrills.Drills;

/// <summary>One fault, caused on purpose while the platform works, and what it cost.</summary>
internal abstract class Drill
{
    /// <summary>The name on the command line and in the report.</summary>
    public abstract string Name { get; }

    public abstract Task<DrillResult> RunAsync(DrillPlatform platform);

    /// <summary>A prefix no earlier drill used, for the referral ids and population names of one run.</summary>
    protected string NewPrefix() => $"drill-{Name}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// Referrals streamed and populations defined for <paramref name="duration"/> while <paramref name="fault"/> runs
    /// beside them; then waits until every event is applied (bounded) and counts.
    /// </summary>
    protected async Task<DrillResult> UnderLoadAsync(DrillPlatform platform, TimeSpan duration, Func<Task> fault, string remark)
    {
        var prefix = NewPrefix();
        var provider = new ProviderSystem(platform, prefix);
        var advisor = new PolicyAdvisor(platform, prefix);
        using var stop = new CancellationTokenSource(duration);
        var load = Task.WhenAll(provider.SendUntilAsync(stop.Token), advisor.DefineUntilAsync(TimeSpan.FromMilliseconds(300), stop.Token));
        await fault();
        await load;

        var settled = await advisor.AllAppliedAsync(TimeSpan.FromMinutes(2));
        var (stored, storedTwice) = await provider.StoredAsync();
        var (applied, appliedTwice) = await advisor.AppliedAsync();
        var sent = provider.Sent + advisor.Defined.Count;
        return new DrillResult(
            Name,
            sent,
            stored + advisor.Defined.Count,
            await advisor.PublishedAsync(),
            applied,
            Lost: provider.Sent - stored + (advisor.Defined.Count - applied),
            Duplicated: storedTwice + appliedTwice,
            $"{remark}; {provider.Resent} batch(es) resent, {provider.AnsweredAsDuplicates} referral(s) answered as duplicates{(settled ? "" : "; events still missing after 2 min")}");
    }
}
