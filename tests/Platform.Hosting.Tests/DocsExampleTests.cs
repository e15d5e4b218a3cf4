using System.Text.Json;
using Platform.Hosting.Tests.Hosting;
using Platform.Hosting.Tests.PeerRunners;
using Platform.LocalInfrastructure;
using Platform.Security;
using Platform.Testing;

namespace Platform.Hosting.Tests;

/// <summary>The provider integration guide's Python example works against a real server.</summary>
public class DocsExampleTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    [Fact]
    public async Task The_python_example_calls_WhoAmI_with_generated_stubs()
    {
        var token = TestTokens.Mint(["provider-system"], providerId: "tom-in-de-buurt", clientId: "provider-tom-in-de-buurt");
        var script = Path.Combine(RepositoryRoot.Find(), "docs", "examples", "provider_whoami.py");
        var target = fixture.Server.GrpcAddress;

        var output = await PeerProcess.RunAsync("/usr/bin/python3", [script, "--target", $"{target.Host}:{target.Port}", "--token", token], input: null, TimeSpan.FromMinutes(2));

        using var me = JsonDocument.Parse(output);
        Assert.Equal("tom-in-de-buurt", me.RootElement.GetProperty("provider_id").GetString());
        Assert.Equal("Tom in de buurt", me.RootElement.GetProperty("provider_name").GetString());
    }

    [Fact]
    public async Task The_python_example_obtains_a_client_credentials_token_from_the_identity_provider()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        await using var server = await GrpcTestServer.StartAsync(
            new Dictionary<string, string?> { ["Identity:Authority"] = identity.Issuer.ToString() },
            builder => builder.AddPlatformAuthentication(),
            testTokens: false);
        var script = Path.Combine(RepositoryRoot.Find(), "docs", "examples", "provider_whoami.py");
        var target = server.GrpcAddress;

        var output = await PeerProcess.RunAsync("/usr/bin/python3",
            [script, "--target", $"{target.Host}:{target.Port}", "--identity", identity.BaseAddress.ToString(),
             "--client-id", "provider-tom-in-de-buurt", "--client-secret", "provider-tom-in-de-buurt-dev-secret"],
            input: null, TimeSpan.FromMinutes(2));

        using var me = JsonDocument.Parse(output);
        Assert.Equal("provider-tom-in-de-buurt", me.RootElement.GetProperty("client_id").GetString());
        Assert.Contains("provider-system", me.RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}
