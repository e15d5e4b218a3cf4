using System.Text.Json;

namespace Platform.AppHost.Tests.Documentation;

/// <summary>
/// The README's demo commands and the provider guide's commands work as written against the platform the AppHost
/// started, with only their placeholders filled from its run file.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class DocumentedCommandsTests(PlatformFixture platform)
{
    private const string Guide = "docs/provider-integration.md";

    [Fact]
    public async Task The_readme_demo_commands_answer_as_alphens_policy_advisor()
    {
        Assert.NotNull(platform.App);
        var block = Assert.Single(DocumentedCommands.ShellBlocks("README.md"), b => b.Contains("<tokenEndpoint>", StringComparison.Ordinal));

        var (exitCode, output, errors) = await DocumentedCommands.RunAsync(DocumentedCommands.Fill(block, await DocumentedCommands.RunFileAsync()));

        Assert.True(exitCode == 0, $"exit code {exitCode}: {errors}");
        Assert.Contains("GM0484", output, StringComparison.Ordinal);
        Assert.DoesNotContain("GM1884", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guides_token_request_answers_with_an_access_token()
    {
        var block = Assert.Single(DocumentedCommands.ShellBlocks(Guide), b => b.Contains("grant_type=client_credentials", StringComparison.Ordinal));

        var (exitCode, output, errors) = await DocumentedCommands.RunAsync(DocumentedCommands.Fill(block, await DocumentedCommands.RunFileAsync()));

        Assert.True(exitCode == 0, $"exit code {exitCode}: {errors}");
        using var answer = JsonDocument.Parse(output);
        Assert.False(string.IsNullOrEmpty(answer.RootElement.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task The_guides_python_example_calls_WhoAmI_through_the_gateway()
    {
        var block = Assert.Single(DocumentedCommands.ShellBlocks(Guide), b => b.Contains("provider_whoami.py", StringComparison.Ordinal));

        var (exitCode, output, errors) = await DocumentedCommands.RunAsync(DocumentedCommands.Fill(block, await DocumentedCommands.RunFileAsync()));

        Assert.True(exitCode == 0, $"exit code {exitCode}: {errors}");
        using var me = JsonDocument.Parse(output);
        Assert.Equal("tom-in-de-buurt", me.RootElement.GetProperty("provider_id").GetString());
    }

    [Fact]
    public async Task The_guides_conformance_kit_command_passes_for_tom_in_de_buurt()
    {
        var block = Assert.Single(DocumentedCommands.ShellBlocks(Guide), b => b.Contains("Platform.ProviderKit", StringComparison.Ordinal));

        var (exitCode, output, errors) = await DocumentedCommands.RunAsync(DocumentedCommands.Fill(block, await DocumentedCommands.RunFileAsync()));

        Assert.True(exitCode == 0, $"exit code {exitCode}: {output} {errors}");
        Assert.Contains("PASS  referrals", output, StringComparison.Ordinal);
        Assert.EndsWith("0 failed", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guides_python_example_makes_every_call_once_and_decodes_field_violations()
    {
        var block = Assert.Single(DocumentedCommands.ShellBlocks(Guide), b => b.Contains("provider_referrals.py", StringComparison.Ordinal));

        var (exitCode, output, errors) = await DocumentedCommands.RunAsync(DocumentedCommands.Fill(block, await DocumentedCommands.RunFileAsync()));

        Assert.True(exitCode == 0, $"exit code {exitCode}: {errors}");
        using var report = JsonDocument.Parse(output);
        Assert.Contains("(GM0484)", report.RootElement.GetProperty("populations").EnumerateArray().Select(p => p.GetString()![^8..]));
        Assert.Equal(1, report.RootElement.GetProperty("would_accept").GetInt32());
        Assert.Equal("INVALID_ARGUMENT", report.RootElement.GetProperty("empty_batch").GetProperty("status").GetString());
        Assert.Equal(["referrals"], report.RootElement.GetProperty("empty_batch").GetProperty("violations").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("SERVING", report.RootElement.GetProperty("health").GetString());
        Assert.True(report.RootElement.GetProperty("contracts").GetInt32() > 0);
        Assert.Equal("NOT_FOUND", report.RootElement.GetProperty("unknown_referral_update").GetString());
        Assert.Equal(JsonValueKind.Array, report.RootElement.GetProperty("results").ValueKind);
    }

    [Fact]
    public async Task The_guides_stub_generation_writes_the_identity_stubs()
    {
        var block = Assert.Single(DocumentedCommands.ShellBlocks(Guide), b => b.Contains("grpc_tools.protoc", StringComparison.Ordinal));

        var (exitCode, output, errors) = await DocumentedCommands.RunAsync(block + "\nls generated\n", scratch: true);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {errors}");
        Assert.Contains("provider_identity_pb2_grpc.py", output, StringComparison.Ordinal);
    }
}
