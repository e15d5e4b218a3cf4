using Platform.Testing;

namespace Platform.LocalInfrastructure.Tests;

public sealed class LocalRunManifestTests
{
    [Fact]
    public async Task The_manifest_lists_every_resource_with_address_log_and_process()
    {
        var shared = await SharedInfrastructure.GetAsync();
        var path = Path.Combine(Path.GetTempPath(), $"platform-{Guid.NewGuid():N}.json");
        try
        {
            LocalRunManifest.Of([shared.Postgres, shared.RabbitMq]).Write(path);

            var resources = LocalRunManifest.Read(path)!.Resources;

            Assert.Equal(["postgres", "rabbitmq"], resources.Select(resource => resource.Name));
            Assert.Equal(shared.Postgres.OwnerConnectionString(), resources[0].Address);
            Assert.Equal(shared.RabbitMqUri.ToString(), resources[1].Address);
            Assert.All(resources, resource => Assert.True(File.Exists(resource.LogFile)));
            Assert.All(resources, resource => Assert.True(DetachedProcess.IsAlive(resource.ProcessId!.Value)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
