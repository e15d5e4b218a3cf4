namespace Platform.FaultDrills.Drills;

/// <summary>PostgreSQL stopped for five seconds and started again in the middle of the intake.</summary>
internal sealed class DatabaseRestart : Drill
{
    public override string Name => "database-restart";

    public override Task<DrillResult> RunAsync(DrillPlatform platform) => UnderLoadAsync(platform, TimeSpan.FromSeconds(15), async () =>
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        await platform.Postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await platform.Postgres.StartAsync();
    }, "PostgreSQL down 5 s");
}
