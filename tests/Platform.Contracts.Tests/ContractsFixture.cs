using Platform.Resources;
using Platform.Testing;

namespace Platform.Contracts.Tests;

/// <summary>One contracts service in its own process, with its own database, against the real identity provider.</summary>
public sealed class ContractsFixture() : PlatformServiceFixture(PlatformResources.Contracts, new() { ["Contracts__SeedDemo"] = "false" });
