using Platform.Populations;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPopulationsServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPopulationsApi();

app.Run();

/// <summary>The service's entry point, visible to the tests' host factory.</summary>
public partial class Program;
