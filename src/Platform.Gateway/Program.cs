using Platform.Gateway;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapGateway();

app.Run();

/// <summary>The gateway's entry point, visible to the tests' host factory.</summary>
public partial class Program;
