using Platform.Referrals;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddReferralsServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapReferralsApi();

app.Run();

/// <summary>The service's entry point, visible to the tests' host factory.</summary>
public partial class Program;
