using Platform.Portal;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPortalServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPortal();

app.Run();

/// <summary>The portal's entry point, visible to the tests' host factory.</summary>
public partial class Program;
