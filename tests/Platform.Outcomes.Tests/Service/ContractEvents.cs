using Platform.IntegrationEvents.Contracts;
using Platform.Testing;

namespace Platform.Outcomes.Tests.Service;

/// <summary>What the contracts service would tell the outcomes service, published on the fixture's bus.</summary>
internal static class ContractEvents
{
    public const string Alphen = "GM0484";
    public const string Kaag = "GM1884";
    public const string Tom = "tom-in-de-buurt";
    public const string RijnlandJeugd = "rijnland-jeugd";

    public static ResultAgreementSnapshot Agreement(string indicator, string comparison, decimal norm, string period = "quarter") =>
        new(Guid.NewGuid(), indicator, 1, comparison, norm, period, "none", null);

    /// <summary>An active contract of 2025–2027 for one new population; waits until the service has applied it.</summary>
    public static async Task<ContractSnapshot> ActiveAsync(
        OutcomesFixture fixture, string municipality, string provider, params ResultAgreementSnapshot[] agreements)
    {
        var contract = new ContractSnapshot(
            Guid.NewGuid(), municipality, $"Contract {Guid.NewGuid():N}", "agreement", provider, [], [Guid.NewGuid(), Guid.NewGuid()], ["wmo"],
            new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), "active", agreements, 1);
        await fixture.PublishAsync(new ContractActivated(municipality, contract));
        await WaitForAsync(fixture, contract.ContractId, 1);
        return contract;
    }

    public static async Task AmendAsync(OutcomesFixture fixture, ContractSnapshot contract)
    {
        await fixture.PublishAsync(new ContractAmended(contract.Municipality, contract, ["result-agreements"]));
        await WaitForAsync(fixture, contract.ContractId, contract.Version);
    }

    private static async Task WaitForAsync(OutcomesFixture fixture, Guid contractId, int version)
    {
        var applied = await Eventually.TrueAsync(async () =>
            await fixture.AsOwnerAsync<long>("SELECT count(*) FROM contracts WHERE contract_id = $1 AND version >= $2", contractId, version) > 0);
        Assert.True(applied, "The outcomes service did not apply the contract event in time.");
    }
}
