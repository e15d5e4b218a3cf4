using Platform.Testing;

namespace Platform.LocalInfrastructure.Tests;

public sealed class HttpProcessServerTests
{
    [Fact]
    public async Task A_program_is_ready_when_its_readiness_path_answers_and_stops_on_request()
    {
        // python3 stands in for a service: the rabbitmq-server package depends on it, so it is always here.
        var directory = PrivateServers.NewDirectory();
        var content = Directory.CreateDirectory(Path.Combine(directory, "content")).FullName;
        await File.WriteAllTextAsync(Path.Combine(content, "health"), "ok");
        var server = new HttpProcessServer("stand-in", directory, new HttpProcessCommand(
            "sh", ["-c", "exec python3 -m http.server \"$PORT\" --bind 127.0.0.1"], content,
            address => new Dictionary<string, string> { ["PORT"] = address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        try
        {
            Assert.Equal(StartOutcome.Started, await server.StartAsync());
            Assert.True(await server.IsReadyAsync());
            Assert.Equal(StartOutcome.AlreadyRunning, await server.StartAsync());

            await server.StopAsync();

            Assert.False(await server.IsReadyAsync());
            Assert.Null(server.ProcessId);
        }
        finally
        {
            await server.StopAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
