using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Health;

namespace Platform.ServiceDefaults.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_503_when_a_ready_check_fails_and_hides_the_exception()
    {
        await using var service = await TestService.StartAsync([], builder => builder.Services.AddHealthChecks()
            .AddCheck("database", () => throw new InvalidOperationException("Password=hunter2 rejected"), [HealthCheckTags.Ready]));

        var response = await service.Client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("self").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_200_when_every_check_passes()
    {
        await using var service = await TestService.StartAsync([], builder => builder.Services.AddHealthChecks()
            .AddCheck("database", () => HealthCheckResult.Healthy("reachable"), [HealthCheckTags.Ready]));

        var response = await service.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal("reachable", database.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Alive_runs_only_live_checks()
    {
        await using var service = await TestService.StartAsync([], builder => builder.Services.AddHealthChecks()
            .AddCheck("database", () => HealthCheckResult.Unhealthy("down"), [HealthCheckTags.Ready]));

        var response = await service.Client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.True(checks.TryGetProperty("self", out _));
        Assert.False(checks.TryGetProperty("database", out _));
    }

    [Fact]
    public async Task Probes_stay_anonymous_when_everything_else_requires_a_user()
    {
        await using var service = await TestService.StartAsync(
            [],
            builder =>
            {
                builder.Services.AddAuthentication(NobodyHandler.Name).AddScheme<AuthenticationSchemeOptions, NobodyHandler>(NobodyHandler.Name, null);
                builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            },
            app => app.MapGet("/orders", () => "secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.GetAsync("/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync("/alive")).StatusCode);
    }

    /// <summary>An authentication scheme that never recognises anyone.</summary>
    private sealed class NobodyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "nobody";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
