using Platform.Outcomes;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddOutcomesServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOutcomesApi();

app.Run();

/// <summary>The service's entry point, visible to the tests' host factory.</summary>
public partial class Program;
