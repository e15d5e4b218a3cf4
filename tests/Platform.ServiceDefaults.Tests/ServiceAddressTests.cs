using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.ServiceDiscovery;

namespace Platform.ServiceDefaults.Tests;

public sealed class ServiceAddressTests
{
    [Fact]
    public async Task Named_client_takes_its_base_address_from_the_services_http_0_environment_variable()
    {
        await using var inventory = await StartDownstreamAsync();
        var serviceName = "inventory" + Guid.NewGuid().ToString("N")[..8];
        var variable = $"services__{serviceName}__http__0";
        Environment.SetEnvironmentVariable(variable, inventory.Address.ToString());
        try
        {
            using var host = ClientHost.Build([], services => services.AddServiceHttpClient(serviceName));
            using var client = host.CreateClient(serviceName);

            Assert.Equal(inventory.Address, client.BaseAddress);
            Assert.Equal("inventory here", await client.GetStringAsync("/whoami"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Https_endpoint_is_preferred_over_http()
    {
        using var host = ClientHost.Build(
            [new("services:billing:http:0", "http://127.0.0.1:5001"), new("services:billing:https:0", "https://127.0.0.1:5002")],
            services => services.AddServiceHttpClient("billing"));

        using var client = host.CreateClient("billing");

        Assert.Equal(new Uri("https://127.0.0.1:5002"), client.BaseAddress);
    }

    [Fact]
    public void Missing_address_fails_naming_the_keys_it_looked_for()
    {
        using var host = ClientHost.Build([], services => services.AddServiceHttpClient("billing"));

        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient("billing"));

        Assert.Contains("services:billing:https:0", error.Message, StringComparison.Ordinal);
        Assert.Contains("services:billing:http:0", error.Message, StringComparison.Ordinal);
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

    [Fact]
    public async Task Combined_scheme_for_an_unconfigured_service_fails_clearly()
    {
        using var host = ClientHost.Build([]);
        using var client = host.CreateClient("anything");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync(new Uri("https+http://nobody/x")));

        Assert.Contains("services:nobody", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https+http://catalog/items", "catalog", "https,http")]
    [InlineData("http://catalog", "catalog", "http")]
    [InlineData("http://_grpc.catalog", "catalog", "grpc")]
    public void Service_and_endpoint_names_are_read_from_the_url(string url, string service, string endpoints)
    {
        var (serviceName, endpointNames) = ServiceAddressHandler.Parse(new Uri(url));

        Assert.Equal(service, serviceName);
        Assert.Equal(endpoints, string.Join(',', endpointNames));
    }

    private static Task<TestService> StartDownstreamAsync() =>
        TestService.StartAsync([], mapEndpoints: app => app.MapGet("/whoami", () => "inventory here"));
}
