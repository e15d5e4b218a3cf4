using Platform.Resources;
using Platform.Testing;

namespace Platform.Populations.Tests.Service;

/// <summary>
/// One populations service in its own process with its own database, shared by the tests of a class. Each test
/// writes its own data; the demo region would only get in its way.
/// </summary>
public sealed class PopulationsFixture() : PlatformServiceFixture(PlatformResources.Populations, new() { ["Populations__SeedDemoRegion"] = "false" });
