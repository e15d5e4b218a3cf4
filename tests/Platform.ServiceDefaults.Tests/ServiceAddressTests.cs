using Microsoft.AspNetCore.Builder;

namespace Platform.ServiceDefaults.Tests;

public sealed class ServiceAddressTests
{
    [Fact]
    public async Task Service_name_resolves_from_the_services_http_0_environment_variable()
    {
        await using var inventory = await StartDownstreamAsync();
        var serviceName = "inventory" + Guid.NewGuid().ToString("N")[..8];
        var variable = $"services__{serviceName}__http__0";
        Environment.SetEnvironmentVariable(variable, inventory.Address.ToString());
        try
        {
            using var host = ClientHost.Build([]);
            using var client = host.CreateClient("anything");

            Assert.Equal("inventory here", await client.GetStringAsync(new Uri($"http://{serviceName}/whoami")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("http://inventory/whoami")]
    [InlineData("https+http://inventory/whoami")]
    public async Task Service_name_urls_reach_the_configured_address_from_any_factory_client(string url)
    {
        await using var inventory = await StartDownstreamAsync();
        using var host = ClientHost.Build([new("services:inventory:http:0", inventory.Address.ToString())]);
        using var client = host.CreateClient("anything");

        Assert.Equal("inventory here", await client.GetStringAsync(new Uri(url)));
    }

    private static Task<TestService> StartDownstreamAsync() =>
        TestService.StartAsync([], mapEndpoints: app => app.MapGet("/whoami", () => "inventory here"));
}
