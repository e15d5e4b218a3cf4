using Microsoft.AspNetCore.HttpOverrides;
using Platform.Portal.Components;
using Platform.Portal.Screens.Budgets;
using Platform.Portal.Screens.Contracts;
using Platform.Portal.Screens.Outcomes;
using Platform.Portal.Screens.Populations;
using Platform.Portal.Screens.Referrals;
using Platform.Portal.Screens.Region;
using Platform.Portal.Sections;
using Platform.Portal.Services;
using Platform.Security;

namespace Platform.Portal;

internal static class Extensions
{
    public static IHostApplicationBuilder AddPortalServices(this IHostApplicationBuilder builder)
    {
        // The gateway forwards the signed-in user's access token on every proxied request; the portal validates it
        // like any service does, and passes it back through the gateway when it calls the services.
        builder.AddPlatformAuthentication();
        builder.Services.AddAuthorization();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery(options => options.FormFieldName = "__portal_form");
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.SectionName));
        builder.Services.AddHttpClient(GatewayClient.HttpClientName, (services, client) =>
            client.BaseAddress = GatewayClient.GatewayAddress(services.GetRequiredService<IConfiguration>()));
        builder.Services.AddScoped<GatewayClient>();
        builder.Services.AddScoped<PortalUser>();

        // One line per service with screens.
        builder.Services.AddPortalSection<RegionSection>();
        builder.Services.AddPortalSection<PopulationsSection>();
        builder.Services.AddPortalSection<ReferralsSection>();
        builder.Services.AddPortalSection<ContractsSection>();
        builder.Services.AddPortalSection<BudgetsSection>();
        builder.Services.AddPortalSection<OutcomesSection>();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        // Links and redirects name the gateway's address, which the gateway forwards; only loopback proxies are trusted.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        });
        app.UseStatusCodePagesWithReExecute("/niet-gevonden", createScopeForStatusCodePages: true);
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // Downloads are the services' own CSV of the same figures the page shows.
        app.MapGet("/downloads/{service}/{**path}", Downloads.ForwardAsync).RequireAuthorization();

        // The gateway's anti-forgery check guards every form post that reaches the portal; the portal's own
        // token cookie never arrives, as the gateway keeps cookies to itself.
        app.MapRazorComponents<App>().DisableAntiforgery();
        return app;
    }
}

public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    /// <summary>Display names by municipality code (the <c>municipality</c> claim).</summary>
    public Dictionary<string, string> Municipalities { get; set; } = [];
}
