using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Platform.Provider.V1;
using Platform.Resources;
using Platform.Testing;

namespace Platform.AppHost.Tests;

/// <summary>The whole platform started by its AppHost: staff and provider systems through the gateway, operator commands.</summary>
[Collection(PlatformTestGroup.Name)]
public sealed class PlatformUnderAppHostTests(PlatformFixture platform)
{
    [Fact]
    public void Every_resource_is_healthy()
    {
        var notifications = platform.App.ResourceNotifications;
        foreach (var resource in PlatformFixture.Resources)
        {
            Assert.True(notifications.TryGetCurrentState(resource, out var state), $"{resource} has no state.");
            Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, state.Snapshot.HealthStatus);
        }
    }

    [Fact]
    public async Task A_policy_advisor_reads_alphens_populations_through_the_gateway()
    {
        using var advisor = platform.App.CreateHttpClient(PlatformResources.Gateway.Name, "http");
        advisor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.Tokens.PasswordTokenAsync("advisor.alphen"));

        var populations = await advisor.GetFromJsonAsync<JsonElement>("/api/populations/populations");

        Assert.NotEmpty(populations.EnumerateArray());
        Assert.All(populations.EnumerateArray(), population => Assert.Equal("GM0484", population.GetProperty("municipality").GetString()));
    }

    [Fact]
    public async Task A_provider_system_submits_referrals_over_grpc_through_the_gateway()
    {
        var token = await platform.Tokens.ClientCredentialsTokenAsync("provider-tom-in-de-buurt");
        var grpc = platform.App.GetEndpoint(PlatformResources.Gateway.Name, PlatformResources.GrpcEndpoint);
        var provider = new ProviderReferrals.ProviderReferralsClient(GrpcTestClients.Invoker(grpc, token));
        var batch = new SubmitReferralsRequest();
        var run = Guid.NewGuid().ToString("N")[..8];
        batch.Referrals.Add([Referral($"apphost-{run}-1"), Referral($"apphost-{run}-2")]);

        // The referrals service learns the demo region's areas, populations and responsibilities from the populations
        // service's events, shortly after both report healthy; until then it refuses, and a resubmission is safe.
        SubmitReferralsResponse? response = null;
        var stored = await Eventually.TrueAsync(async () =>
        {
            response = await provider.SubmitReferralsAsync(batch);
            if (response.Accepted + response.Duplicates == 2)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            return false;
        }, TimeSpan.FromSeconds(90));

        Assert.True(stored, string.Join("; ", response!.Rejected.SelectMany(r => r.Violations).Select(v => v.Description)));
    }

    [Fact]
    public async Task The_resend_command_publishes_the_populations_state_again()
    {
        var result = await platform.Commands.ExecuteCommandAsync(PlatformResources.Populations.Name, "resend-populations-state");

        Assert.True(result.Success, result.Message);
        var message = result.Message ?? "";
        var report = JsonDocument.Parse(message[message.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        Assert.True(report.GetProperty("regions").GetInt32() > 0, result.Message);
        Assert.True(report.GetProperty("populations").GetInt32() > 0, result.Message);
    }

    [Fact]
    public async Task A_message_that_failed_while_the_database_refused_it_is_replayed_by_the_command_and_applied_once()
    {
        var referralsDatabase = await platform.App.GetConnectionStringAsync(PlatformResources.Referrals.Database!)
            ?? throw new InvalidOperationException("The referrals database has no connection string.");
        var appRole = $"{PlatformResources.Referrals.Database}_app";
        using var advisor = platform.App.CreateHttpClient(PlatformResources.Gateway.Name, "http");
        advisor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.Tokens.PasswordTokenAsync("advisor.alphen"));

        // The referrals service may not write its copy of the populations: the event fails every retry and is parked.
        await OwnerSql.ScalarAsync<object>(referralsDatabase, $"REVOKE INSERT, UPDATE ON populations FROM {appRole}");
        Guid populationId;
        try
        {
            using var response = await advisor.PostAsJsonAsync("/api/populations/populations", new
            {
                name = $"Herhaald {Guid.NewGuid():N}"[..20],
                areas = new[] { "BU04840101" },
                ageFrom = 18,
                laws = new[] { "Wmo" },
                validFrom = "2026-01-01",
            });
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            populationId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            Assert.True(await Eventually.TrueAsync(async () => await ParkedInReferralsAsync() > 0, TimeSpan.FromSeconds(60)),
                "The refused event never reached the referrals error queue.");
        }
        finally
        {
            await OwnerSql.ScalarAsync<object>(referralsDatabase, $"GRANT INSERT, UPDATE ON populations TO {appRole}");
        }
        Assert.Equal(0L, await OwnerSql.ScalarAsync<long>(referralsDatabase, "SELECT count(*) FROM populations WHERE id = $1", populationId));

        var replay = await platform.Commands.ExecuteCommandAsync(PlatformResources.Referrals.Name, "replay-failed-messages");

        Assert.True(replay.Success, replay.Message);
        Assert.StartsWith("Replayed 1 message(s)", replay.Message, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(async () =>
            await OwnerSql.ScalarAsync<long>(referralsDatabase, "SELECT count(*) FROM populations WHERE id = $1", populationId) == 1,
            TimeSpan.FromSeconds(30)), "The replayed event was not applied.");
        Assert.Equal(1, await OwnerSql.ScalarAsync<int>(referralsDatabase, "SELECT version FROM populations WHERE id = $1", populationId));
        // The management API's counts refresh every few seconds.
        Assert.True(await Eventually.TrueAsync(async () => await ParkedInReferralsAsync() == 0, TimeSpan.FromSeconds(30)));

        var again = await platform.Commands.ExecuteCommandAsync(PlatformResources.Referrals.Name, "replay-failed-messages");
        Assert.StartsWith("Replayed 0 message(s)", again.Message, StringComparison.Ordinal);
    }

    /// <summary>Messages in the referrals service's error queues, from RabbitMQ's management API as the services' broker user.</summary>
    private async Task<long> ParkedInReferralsAsync()
    {
        var broker = new Uri(await platform.App.GetConnectionStringAsync(PlatformResources.Messaging)
            ?? throw new InvalidOperationException("The broker has no connection string."));
        var management = platform.App.GetEndpoint(PlatformResources.Messaging, "management");
        var virtualHost = broker.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(broker.UserInfo))));
        var queues = await client.GetFromJsonAsync<JsonElement>(new Uri(management, $"api/queues/{Uri.EscapeDataString(virtualHost)}"));
        return queues.EnumerateArray()
            .Where(queue => queue.GetProperty("name").GetString() is { } name
                && name.StartsWith(PlatformResources.Referrals.Name, StringComparison.Ordinal) && name.EndsWith("_error", StringComparison.Ordinal))
            .Sum(queue => queue.TryGetProperty("messages", out var messages) ? messages.GetInt64() : 0);
    }

    private static ReferralSubmission Referral(string id) => new()
    {
        ReferralId = id,
        ClientReference = $"client-{id}",
        NeighbourhoodCode = "BU04840101",
        AgeBand = AgeBand._2364,
        ReferralDate = "2025-03-10",
        ReferringTeam = "Sociaal team Centrum",
        ReferrerType = ReferrerType.GeneralPractitioner,
        DestinationType = DestinationType.SupplementaryCareCategory,
        LifeDomain = LifeDomain.Finances,
        Urgency = Urgency.Regular,
    };
}
