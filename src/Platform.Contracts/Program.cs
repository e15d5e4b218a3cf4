using Platform.Contracts;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddContractsServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapContractsApi();

app.Run();

/// <summary>The service's entry point, visible to the tests' host factory.</summary>
public partial class Program;
