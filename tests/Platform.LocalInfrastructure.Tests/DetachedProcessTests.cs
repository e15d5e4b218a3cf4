using Platform.Testing;

namespace Platform.LocalInfrastructure.Tests;

public sealed class DetachedProcessTests
{
    [Fact]
    public async Task Variables_with_dots_in_their_names_reach_the_program_as_configuration_keys_need()
    {
        var directory = Directory.CreateDirectory(PrivateServers.NewDirectory()).FullName;
        var log = Path.Combine(directory, "env.log");
        try
        {
            var id = DetachedProcess.Start("env", [], new Dictionary<string, string>
            {
                ["Gateway__GrpcServices__platform.testing.v1.Interop"] = "interop",
                ["PLAIN_NAME"] = "a value with spaces",
            }, directory, log);
            Assert.True(await DetachedProcess.WaitForExitAsync(id, TimeSpan.FromSeconds(30), CancellationToken.None));

            var variables = await File.ReadAllLinesAsync(log);
            Assert.Contains("Gateway__GrpcServices__platform.testing.v1.Interop=interop", variables);
            Assert.Contains("PLAIN_NAME=a value with spaces", variables);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
