using Platform.IntegrationEvents.Contracts;
using Platform.IntegrationEvents.Populations;

namespace Platform.Budgets.Tests.Service;

/// <summary>
/// What the populations and contracts services would tell the budgets service, published on the fixture's bus.
/// Each helper waits until the service has applied the event. Area codes are made unique per call, so tests sharing
/// a service never see each other's areas.
/// </summary>
internal static class PublishedFacts
{
    public static readonly DateOnly ReferenceDate = new(2024, 1, 1);

    /// <summary>A unique neighbourhood code in the municipality, e.g. <c>BU0484</c> followed by eight random digits.</summary>
    public static string Neighbourhood(string municipality) => $"BU{municipality[2..]}{Random.Shared.Next(0, 100_000_000):D8}";

    public static async Task<Guid> PopulationAsync(BudgetsServiceFixture fixture, string municipality, string name, params string[] areas)
    {
        var id = Guid.NewGuid();
        var snapshot = new PopulationSnapshot(id, municipality, name, "active", areas, 18, null, ["wmo"], [], null, new DateOnly(2024, 1, 1), null, 1);
        await fixture.PublishAsync(new PopulationDefined(municipality, snapshot));
        await fixture.WaitForAsync("SELECT count(*) FROM populations WHERE id = $1", id);
        return id;
    }

    public static async Task CharacteristicsAsync(
        BudgetsServiceFixture fixture, string municipality, params (string Area, Dictionary<string, double?> Values)[] areas)
    {
        await fixture.PublishAsync(new CharacteristicsPublished(
            municipality, ReferenceDate, Guid.NewGuid(), [.. areas.Select(a => new AreaCharacteristics(a.Area, a.Values))]));
        await fixture.WaitForAsync("SELECT count(*) FROM area_characteristics WHERE area_code = $1", areas[^1].Area);
    }

    public static Task<Guid> ContractAsync(
        BudgetsServiceFixture fixture, string municipality, string legalForm, string provider, params Guid[] populations) =>
        ContractAsync(fixture, municipality, legalForm, provider, populations, []);

    public static async Task<Guid> ContractAsync(
        BudgetsServiceFixture fixture, string municipality, string legalForm, string provider, Guid[] populations, ResultAgreementSnapshot[] agreements)
    {
        var id = Guid.NewGuid();
        var snapshot = new ContractSnapshot(
            id, municipality, $"Contract {id:N}", legalForm, provider, [], populations, ["wmo"],
            new DateOnly(2025, 1, 1), new DateOnly(2028, 12, 31), "active", agreements, 1);
        await fixture.PublishAsync(new ContractActivated(municipality, snapshot));
        await fixture.WaitForAsync("SELECT count(*) FROM contracts WHERE id = $1", id);
        return id;
    }
}
