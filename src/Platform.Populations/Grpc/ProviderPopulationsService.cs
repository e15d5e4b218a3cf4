using System.Globalization;
using Platform.Grpc;
using Platform.Grpc.Server;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Provider.V1;
using Platform.Security;

namespace Platform.Populations.Grpc;

/// <summary>
/// <c>platform.provider.v1.ProviderPopulations</c>: the populations a provider system is responsible
/// for. Row-level security scopes the rows to the provider of the token; the handler only shapes them.
/// </summary>
internal static class ProviderPopulationsService
{
    public static WebApplication MapProviderPopulationsService(this WebApplication app)
    {
        app.MapGrpcService(ProviderPopulationsReflection.Descriptor.Services[0], service => service
            .RequireAuthorization(PlatformPolicies.ProviderSystem)
            .Unary<ListMyPopulationsRequest, ListMyPopulationsResponse>("ListMyPopulations", ListMyPopulationsAsync));
        return app;
    }

    internal static async Task<ListMyPopulationsResponse> ListMyPopulationsAsync(ListMyPopulationsRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var asOf = DateOnly.FromDateTime(DateTime.Today);
        if (request.AsOf.Length > 0 && !DateOnly.TryParseExact(request.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            validation.Add("as_of", $"'{request.AsOf}' is not a date in the form YYYY-MM-DD.");
        }

        validation.ThrowIfInvalid();
        var caller = CallerContextFactory.FromPrincipal(context.User);
        var database = context.Services.GetRequiredService<Database>();
        var ct = context.CancellationToken;

        return await database.InTransactionAsync(caller, async session =>
        {
            var response = new ListMyPopulationsResponse();
            var responsibilities = await ResponsibilityStore.ForProviderAsync(session, caller.ProviderId!, ct);
            var populations = new List<(StoredPopulation Population, Responsibility Responsibility)>();
            foreach (var responsibility in responsibilities)
            {
                var current = new Domain.Period(responsibility.ValidFrom, responsibility.ValidTo).Contains(asOf);
                if ((current || request.IncludeInactive) && await PopulationStore.FindAsync(session, responsibility.PopulationId, ct) is { } population)
                {
                    populations.Add((population, responsibility));
                }
            }

            var profileOf = await Domain.PopulationProfiles.ForAsync(session, populations.Select(p => p.Population.Definition).DistinctBy(p => p.Id), asOf, ct);
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
