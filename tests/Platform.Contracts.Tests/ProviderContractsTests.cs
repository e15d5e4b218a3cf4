using System.Net;
using Grpc.Core;
using Platform.Hosting.Results;
using Platform.Provider.V1;

namespace Platform.Contracts.Tests;

/// <summary>Providers over gRPC: their own contracts in force, with obligations, KPIs and reporting calendar, and nothing else.</summary>
[Collection(SharedContractsService.Name)]
public sealed class ProviderContractsTests(ContractsFixture fixture)
{
    private readonly Scenario _scenario = new(fixture);

    private async Task<ProviderContracts.ProviderContractsClient> ClientAsync(string clientId) => new(await fixture.ProviderCallsAsync(clientId));

    [Fact]
    public async Task A_provider_lists_its_contract_in_force_with_obligations_kpis_and_reporting_calendar()
    {
        var id = await _scenario.ActiveAsync(Scenario.Terms([await _scenario.PopulationAsync()]));
        var tom = await ClientAsync("provider-tom-in-de-buurt");

        var response = await tom.ListMyContractsAsync(new ListMyContractsRequest { AsOf = "2026-01-01" });

        var contract = Assert.Single(response.Contracts, c => c.ContractId == id.ToString());
        Assert.Equal(("contracting-party", "tom-in-de-buurt", "active"), (contract.Role, contract.ContractingProviderId, contract.Status));
        Assert.Equal(("2025-01-01", "2028-12-31", "2028-06-30"), (contract.StartsOn, contract.EndsOn, contract.NoticeDeadline));
        Assert.True(contract.Obligations.DutyToAccept);
        Assert.Equal((5, "each-case", "working"), (contract.Obligations.WaitingTimeNorm.Days, contract.Obligations.WaitingTimeNorm.Statistic, contract.Obligations.WaitingTimeNorm.DayType));
        Assert.Equal("5", contract.Obligations.SocialReturnPercent);
        var kpi = Assert.Single(contract.ResultAgreements, a => a.IndicatorCode == "zrm-improved-or-stable");
        Assert.Equal(("at-least", "0.7", "year", "bonus-malus", "25000"), (kpi.Comparison, kpi.Norm, kpi.Period, kpi.Incentive, kpi.IncentiveAmount));

        // Quarterly KPI reports due 30 days after each quarter, the annual report 120 days after the year: one year from as_of.
        var due = contract.ReportingCalendar.Select(d => (d.What, d.PeriodStart, d.DueOn)).ToList();
        Assert.Equal(
        [
            ("KPI report", "2025-10-01", "2026-01-30"),
            ("Annual report with accountant's statement", "2025-01-01", "2026-04-30"),
            ("KPI report", "2026-01-01", "2026-04-30"),
            ("KPI report", "2026-04-01", "2026-07-30"),
            ("KPI report", "2026-07-01", "2026-10-30"),
        ], due);
    }

    [Fact]
    public async Task A_subcontractor_sees_the_contract_as_such_and_another_provider_sees_none_of_it()
    {
        var id = (await _scenario.ActiveAsync(Scenario.Terms([await _scenario.PopulationAsync()]))).ToString();

        var sub = await (await ClientAsync("provider-rijnland-jeugd")).ListMyContractsAsync(new ListMyContractsRequest());
        var other = await (await ClientAsync("provider-nieuwkoop-samen")).ListMyContractsAsync(new ListMyContractsRequest { IncludeEnded = true });

        Assert.Equal("subcontractor", Assert.Single(sub.Contracts, c => c.ContractId == id).Role);
        Assert.DoesNotContain(other.Contracts, c => c.ContractId == id);
        Assert.All(other.Contracts, c => Assert.Equal("nieuwkoop-samen", c.ContractingProviderId));
    }

    [Fact]
    public async Task A_provider_sees_no_drafts_and_ended_contracts_only_when_asked()
    {
        var population = await _scenario.PopulationAsync();
        var draft = (await _scenario.DraftAsync(Scenario.Terms([population]))).ToString();
        var ended = await _scenario.ActiveAsync(Scenario.Terms([population]) with { Name = "Ended early" });
        var (status, _) = await _scenario.PostAsync($"/api/contracts/contracts/{ended}/ending", new { endedOn = "2025-12-31", reason = "terminated" });
        var tom = await ClientAsync("provider-tom-in-de-buurt");

        var current = await tom.ListMyContractsAsync(new ListMyContractsRequest());
        var all = await tom.ListMyContractsAsync(new ListMyContractsRequest { IncludeEnded = true });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(all.Contracts, c => c.ContractId == draft);
        Assert.DoesNotContain(current.Contracts, c => c.ContractId == ended.ToString());
        var endedContract = Assert.Single(all.Contracts, c => c.ContractId == ended.ToString());
        Assert.Equal(("ended", "2025-12-31"), (endedContract.Status, endedContract.EndsOn));
    }

    [Fact]
    public async Task Staff_tokens_no_token_and_bad_dates_are_refused()
    {
        var staff = new ProviderContracts.ProviderContractsClient(await fixture.StaffCallsAsync("contracts.alphen"));
        var anonymous = new ProviderContracts.ProviderContractsClient(await fixture.StaffCallsAsync(null));
        var tom = await ClientAsync("provider-tom-in-de-buurt");

        var denied = await Assert.ThrowsAsync<RpcException>(() => staff.ListMyContractsAsync(new ListMyContractsRequest()).ResponseAsync);
        var unauthenticated = await Assert.ThrowsAsync<RpcException>(() => anonymous.ListMyContractsAsync(new ListMyContractsRequest()).ResponseAsync);
        var invalid = await Assert.ThrowsAsync<RpcException>(() => tom.ListMyContractsAsync(new ListMyContractsRequest { AsOf = "01-01-2026" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal("as_of", Assert.Single(invalid.GetFieldViolations()).Field);
    }
}
