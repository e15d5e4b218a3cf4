using Platform.Budgets.Api;
using Platform.Budgets.Budgets;
using Platform.Budgets.Demo;
using Platform.Budgets.Scenarios;
using Platform.Hosting;
using Platform.Resources;

namespace Platform.Budgets;

internal static class Extensions
{
    /// <summary>This service's entry in the platform's resource list: its name, database and broker.</summary>
    public static PlatformService Resource => PlatformResources.Budgets;

    public static IHostApplicationBuilder AddBudgetsServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<BudgetsModels>(Resource);
        builder.Services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(BudgetsPolicies.Add);
        builder.Services.AddSingleton<ScenarioCommands>();
        builder.Services.AddSingleton<BudgetCommands>();
        builder.Services.AddSingleton<CategoryCommands>();
        builder.Services.AddSingleton<Settlements>();
        builder.AddDemoBudgets();
        return builder;
    }

    public static WebApplication MapBudgetsApi(this WebApplication app)
    {
        var api = app.MapPlatformService(Resource);
        api.MapModelsEndpoints();
        api.MapScenariosEndpoints();
        api.MapBudgetsEndpoints();
        api.MapCategoriesAndSettlementsEndpoints();
        return app;
    }
}
