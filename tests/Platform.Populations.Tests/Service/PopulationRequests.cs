using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Populations.Tests.Service;

/// <summary>The JSON the REST API takes and gives, as tests write and read it.</summary>
internal static class PopulationRequests
{
    public static object Population(
        string name, string[] areas, int ageFrom = 0, int? ageTo = null, string[]? laws = null,
        string validFrom = "2025-01-01", string? validTo = null, string[]? careForms = null, string? diagnosisGroup = null, int? expectedVersion = null) =>
        new { name, areas, ageFrom, ageTo, laws = laws ?? ["Wmo"], validFrom, validTo, careForms, diagnosisGroup, expectedVersion };

    public static async Task<JsonElement> DefineAsync(HttpClient client, object population)
    {
        using var response = await client.PostAsJsonAsync("/api/populations/populations", population);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ActivateAsync(HttpClient client, Guid id)
    {
        using var response = await client.PostAsync($"/api/populations/populations/{id}/activate", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid Id(this JsonElement population) => population.GetProperty("id").GetGuid();
}
