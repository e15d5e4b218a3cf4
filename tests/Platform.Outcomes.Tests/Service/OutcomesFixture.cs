using Platform.Resources;
using Platform.Testing;

namespace Platform.Outcomes.Tests.Service;

/// <summary>One outcomes service in its own process, with its own database and RabbitMQ virtual host.</summary>
public sealed class OutcomesFixture() : PlatformServiceFixture(PlatformResources.Outcomes, new()
{
    ["Messaging__RelayPollInterval"] = "00:00:00.200",
});
