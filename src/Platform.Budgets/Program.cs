using Platform.Budgets;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBudgetsServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapBudgetsApi();

app.Run();

/// <summary>The service's entry point, visible to the tests' host factory.</summary>
public partial class Program;
