using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Populations.Tests.Service;

public sealed class RegionsAndOpenApiTests(PopulationsFixture fixture) : IClassFixture<PopulationsFixture>
{
    [Fact]
    public async Task A_platform_administrator_keeps_regions_and_nobody_else_may()
    {
        using var admin = await fixture.ClientForAsync("admin");
        using var put = await admin.PutAsJsonAsync("/api/populations/regions/leidse-regio", new { name = "Leidse regio", municipalities = new[] { "GM0546", "gm0575" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var region = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["GM0546", "GM0575"], region.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));

        using var invalid = await admin.PutAsJsonAsync("/api/populations/regions/Leidse Regio", new { name = "", municipalities = new[] { "WK054601" } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        using var refused = await advisor.PutAsJsonAsync("/api/populations/regions/leidse-regio", new { name = "Overgenomen", municipalities = new[] { "GM0484" } });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var regions = await advisor.GetFromJsonAsync<JsonElement[]>("/api/populations/regions");
        Assert.Contains(regions!, r => r.GetProperty("name").GetString() == "Leidse regio");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_api_for_signed_in_staff()
    {
        using var anonymous = fixture.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/populations/openapi/v1.json")).StatusCode);

        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var document = await advisor.GetFromJsonAsync<JsonElement>("/api/populations/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/populations/populations", paths);
        Assert.Contains("/api/populations/imports/cbs", paths);
        Assert.Contains("/api/populations/analysis/gaps", paths);
    }
}
