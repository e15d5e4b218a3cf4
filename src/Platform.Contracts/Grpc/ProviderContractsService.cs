using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Platform.Contracts.Data;
using Platform.Contracts.Domain;
using Platform.Hosting.Results;
using Platform.Persistence.Sessions;
using Platform.Provider.V1;
using Platform.Security;

namespace Platform.Contracts.Grpc;

/// <summary>
/// <c>platform.provider.v1.ProviderContracts</c>: the contracts a provider system is a party to. Row-level security
/// decides which contracts the provider of the token sees (its own, once in force); the handler only shapes them.
/// </summary>
[Authorize(Policy = PlatformPolicies.ProviderSystem)]
internal sealed class ProviderContractsService(TimeProvider time, Database database, CallerContext caller) : ProviderContracts.ProviderContractsBase
{
    public override async Task<ListMyContractsResponse> ListMyContracts(ListMyContractsRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var asOf = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (request.AsOf.Length > 0 && !DateOnly.TryParseExact(request.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            validation.Add("as_of", $"'{request.AsOf}' is not a date in the form YYYY-MM-DD.");
        }

        validation.ThrowIfInvalid();
        var ct = context.CancellationToken;
        var contracts = await database.InTransactionAsync(caller, s => ContractStore.VisibleAsync(s, ct), ct);

        var response = new ListMyContractsResponse();
        foreach (var contract in contracts
            .Where(c => request.IncludeEnded || c.Status == ContractStatus.Active)
            .OrderBy(c => c.Municipality, StringComparer.Ordinal).ThenBy(c => c.Terms.Start).ThenBy(c => c.Terms.Name, StringComparer.Ordinal))
        {
            var calendar = ReportingCalendar.Due(contract, asOf, asOf.AddYears(1));
            response.Contracts.Add(ContractMessages.From(contract, caller.ProviderId!, calendar));
        }

        return response;
    }
}
