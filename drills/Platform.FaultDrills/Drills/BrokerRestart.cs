namespace Platform.FaultDrills.Drills;

/// <summary>RabbitMQ stopped for six seconds and started again while providers submit and populations publishes.</summary>
internal sealed class BrokerRestart : Drill
{
    public override string Name => "broker-restart";

    public override Task<DrillResult> RunAsync(DrillPlatform platform) => UnderLoadAsync(platform, TimeSpan.FromSeconds(15), async () =>
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        await platform.Broker.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(6));
        await platform.Broker.StartAsync();
    }, "RabbitMQ down 6 s");
}
