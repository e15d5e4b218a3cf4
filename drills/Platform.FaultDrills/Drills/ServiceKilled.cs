namespace Platform.FaultDrills.Drills;

/// <summary>The referrals service killed (SIGKILL) during a batch and started again.</summary>
internal sealed class ServiceKilled : Drill
{
    public override string Name => "service-killed";

    public override Task<DrillResult> RunAsync(DrillPlatform platform) => UnderLoadAsync(platform, TimeSpan.FromSeconds(15), async () =>
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        await platform.Referrals.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await platform.Referrals.StartAsync();
    }, "referrals killed, restarted after 2 s");
}
