using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Platform.Hosting.Results;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Provider.V1;
using Platform.Security;

namespace Platform.Populations.Grpc;

/// <summary>
/// <c>platform.provider.v1.ProviderPopulations</c>: the populations a provider system is responsible
/// for. Row-level security scopes the rows to the provider of the token; the handler only shapes them.
/// </summary>
[Authorize(Policy = PlatformPolicies.ProviderSystem)]
internal sealed class ProviderPopulationsService(TimeProvider time, Database database, CallerContext caller) : ProviderPopulations.ProviderPopulationsBase
{
    public override async Task<ListMyPopulationsResponse> ListMyPopulations(ListMyPopulationsRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var asOf = time.Today();
        if (request.AsOf.Length > 0 && !DateOnly.TryParseExact(request.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            validation.Add("as_of", $"'{request.AsOf}' is not a date in the form YYYY-MM-DD.");
        }

        validation.ThrowIfInvalid();
        var ct = context.CancellationToken;

        return await database.InTransactionAsync(caller, async session =>
        {
            var response = new ListMyPopulationsResponse();
            var responsibilities = await ResponsibilityStore.ForProviderAsync(session, caller.ProviderId!, ct);

            // Row-level security shows a provider exactly the populations it is responsible for.
            var visible = (await PopulationStore.ListAsync(session, null, null, ct)).ToDictionary(p => p.Id);
            var populations = responsibilities
                .Where(r => request.IncludeInactive || new Domain.Period(r.ValidFrom, r.ValidTo).Contains(asOf))
                .Where(r => visible.ContainsKey(r.PopulationId))
                .Select(r => (Population: visible[r.PopulationId], Responsibility: r))
                .ToList();

            var profileOf = await Profiles.PopulationProfiles.ForAsync(session, populations.Select(p => p.Population.Definition).DistinctBy(p => p.Id), asOf, ct);
            foreach (var (population, responsibility) in populations
                .OrderBy(p => p.Population.Definition.Municipality, StringComparer.Ordinal)
                .ThenBy(p => p.Population.Definition.Name, StringComparer.Ordinal))
            {
                response.Populations.Add(ProviderPopulationMessages.From(population, responsibility, profileOf.GetValueOrDefault(population.Id)));
            }

            return response;
        }, ct);
    }
}
