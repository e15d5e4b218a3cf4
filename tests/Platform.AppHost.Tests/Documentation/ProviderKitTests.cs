using Google.Protobuf;
using Platform.LocalInfrastructure;
using Platform.Provider.V1;
using Platform.ProviderKit;

namespace Platform.AppHost.Tests.Documentation;

/// <summary>The provider conformance kit against the platform the AppHost started, as a provider's developer runs it.</summary>
[Collection(PlatformTestGroup.Name)]
public sealed class ProviderKitTests(PlatformFixture platform)
{
    private const string Tom = "provider-tom-in-de-buurt";

    [Fact]
    public async Task Tom_in_de_buurt_passes_every_check_with_the_example_batch_and_nothing_is_stored()
    {
        var example = Path.Combine(RepositoryRoot.Find(), "docs", "examples", "referrals-check.json");

        var report = await RunAsync(Tom, $"{Tom}-dev-secret", example);
        var again = await RunAsync(Tom, $"{Tom}-dev-secret", example);

        Assert.True(report.Failed == 0, string.Join('\n', report.Lines));
        Assert.Contains(report.Lines, line => line.StartsWith("PASS  identity", StringComparison.Ordinal) && line.Contains("tom-in-de-buurt", StringComparison.Ordinal));
        Assert.Contains(report.Lines, line => line.StartsWith("PASS  referrals", StringComparison.Ordinal));
        // Checked twice, stored never: the second run finds no referral of the first.
        Assert.Contains(again.Lines, line => line.StartsWith("PASS  referrals", StringComparison.Ordinal) && line.Contains("(0 already stored before)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_with_a_bsn_and_an_unknown_neighbourhood_fails_with_what_to_fix_and_never_echoes_the_bsn()
    {
        var file = Path.GetTempFileName();
        var batch = JsonParser.Default.Parse<SubmitReferralsRequest>(
            await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "docs", "examples", "referrals-check.json")));
        var withBsn = batch.Referrals[0].Clone();
        withBsn.ReferralId = "kit-bsn";
        withBsn.ClientReference = "111222333";
        var unknownArea = batch.Referrals[0].Clone();
        unknownArea.ReferralId = "kit-unknown-area";
        unknownArea.NeighbourhoodCode = "BU04849999";
        batch.Referrals.Clear();
        batch.Referrals.Add([withBsn, unknownArea]);
        await File.WriteAllTextAsync(file, JsonFormatter.Default.Format(batch));

        var report = await RunAsync(Tom, $"{Tom}-dev-secret", file);
        File.Delete(file);

        Assert.Equal(2, report.Failed);
        Assert.Contains(report.Lines, line => line.StartsWith("FAIL  referrals", StringComparison.Ordinal) && line.Contains("client_reference", StringComparison.Ordinal));
        Assert.Contains(report.Lines, line => line.StartsWith("FAIL  referrals", StringComparison.Ordinal) && line.Contains("neighbourhood_code", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Lines, line => line.Contains("111222333", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_secret_fails_at_the_token_and_calls_nothing_further()
    {
        var report = await RunAsync(Tom, "not-the-secret", referrals: null);

        Assert.Equal(["token"], report.Lines.Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.DoesNotContain(report.Lines, line => line.StartsWith("PASS", StringComparison.Ordinal));
    }

    private async Task<KitReport> RunAsync(string clientId, string secret, string? referrals)
    {
        var runFile = await DocumentedCommands.RunFileAsync();
        Assert.NotNull(platform.App);
        var options = new KitOptions(
            new Uri(runFile.GetProperty("tokenEndpoint").GetString()!), new Uri(runFile.GetProperty("gatewayGrpc").GetString()!),
            clientId, secret, referrals);
        return await ConformanceRun.RunAsync(options, TextWriter.Null);
    }
}
