using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.LocalInfrastructure;
using Platform.Resources;
using Platform.Testing;

namespace Platform.Portal.Tests;

/// <summary>
/// The whole path a staff member takes: Debian's chromium, the real gateway with its browser login, a private
/// identity provider that knows the gateway's callback, the populations and referrals services with their demo
/// data on PostgreSQL and RabbitMQ, and the portal behind the gateway.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly List<IAsyncDisposable> _processes = [];
    private GatewayProcess? _gateway;
    private PrivateServer<IdentityProviderServer>? _identityProvider;
    private IPlaywright? _playwright;

    public Uri Gateway => _gateway!.BaseAddress;

    public TokenClient Tokens { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screens");

    public async Task InitializeAsync()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        _gateway = GatewayProcess.Prepare();
        _identityProvider = await PrivateServers.StartIdentityProviderAsync(_gateway.BaseAddress);
        var issuer = _identityProvider.Server.Issuer;
        Tokens = new TokenClient(issuer);
        var broker = ServiceProcess.Text(await infrastructure.CreateVirtualHostAsync("portal"));

        var gatewaySettings = new Dictionary<string, string>();
        foreach (var service in new[] { PlatformResources.Budgets, PlatformResources.Outcomes, PlatformResources.Referrals, PlatformResources.Contracts, PlatformResources.Populations })
        {
            var environment = new Dictionary<string, string>
            {
                ["Identity__Authority"] = ServiceProcess.Text(issuer),
                [$"ConnectionStrings__{service.Database}"] = await infrastructure.CreateDatabaseAsync(service.Name),
                [$"ConnectionStrings__{PlatformResources.Messaging}"] = broker,
            };
            var process = new ServiceProcess(service.Name, Path.GetFileNameWithoutExtension(service.Project), () => environment, servesGrpc: service.ServesGrpc);
            _processes.Add(process);
            await process.StartAsync();
            gatewaySettings[$"services__{service.Name}__http__0"] = ServiceProcess.Text(process.BaseAddress);
        }

        var portal = new ServiceProcess(PlatformResources.Portal.Name, "Platform.Portal", () => new Dictionary<string, string>
        {
            ["Identity__Authority"] = ServiceProcess.Text(issuer),
            ["Portal__GatewayUrl"] = ServiceProcess.Text(Gateway),
        }, servesGrpc: false);
        _processes.Add(portal);
        await portal.StartAsync();
        gatewaySettings[$"services__{PlatformResources.Portal.Name}__http__0"] = ServiceProcess.Text(portal.BaseAddress);
        await _gateway.StartAsync(issuer, gatewaySettings);

        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh browser context signed in as a demo user through the gateway's login.</summary>
    public async Task<IPage> SignInAsync(string username, string path = "/")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = ServiceProcess.Text(Gateway),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "nl-NL",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", TokenClient.DemoPassword);
        await page.PressAsync("input[name=password]", "Enter");
        await page.WaitForURLAsync(url => url.StartsWith(ServiceProcess.Text(Gateway), StringComparison.Ordinal) && !url.Contains("/auth/callback", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    /// <summary>A service's answer through the gateway for a demo user's own token: to find ids the pages link to.</summary>
    public async Task<JsonElement> ApiAsync(string username, string path)
    {
        using var client = new HttpClient { BaseAddress = Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.PasswordTokenAsync(username));
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>POSTs an empty body through the gateway for a demo user's own token.</summary>
    public async Task PostAsync(string username, string path)
    {
        using var client = new HttpClient { BaseAddress = Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.PasswordTokenAsync(username));
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        if (_identityProvider is not null)
        {
            await _identityProvider.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalGroup : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
