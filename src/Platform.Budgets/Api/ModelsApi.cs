using Platform.Budgets.Domain;

namespace Platform.Budgets.Api;

/// <summary>A weighted-characteristics allocation request: the pool, the weights, and each area's figures.</summary>
internal sealed record WeightedAllocationRequest(decimal Pool, Dictionary<string, decimal> Weights, List<AreaFiguresRequest> Areas);

internal sealed record AreaFiguresRequest(string Area, Dictionary<string, FigureRequest> Figures);

internal sealed record FigureRequest(decimal? Value, decimal? Base, bool IsPercentage);

/// <summary>An allocation's parts, which sum exactly to the pool.</summary>
internal sealed record AllocationResponse(decimal Total, IReadOnlyList<AllocationLine> Lines);

/// <summary>Stateless previews of the allocation models, for preparing scenarios.</summary>
internal static class ModelsApi
{
    public static RouteGroupBuilder MapModelsEndpoints(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models").RequireAuthorization(BudgetsPolicies.Prepare);
        models.MapPost("/weighted-characteristics/preview", (WeightedAllocationRequest request) =>
        {
            var areas = (request.Areas ?? []).Select(a => new AreaFigures(
                a.Area, (a.Figures ?? []).ToDictionary(f => f.Key, f => new CharacteristicFigure(f.Value.Value, f.Value.Base, f.Value.IsPercentage)))).ToArray();
            var outcome = AllocationModels.WeightedCharacteristics(request.Pool, request.Weights ?? [], areas);
            return outcome.Succeeded
                ? Results.Ok(new AllocationResponse(outcome.Total, outcome.Lines))
                : Results.ValidationProblem(new Dictionary<string, string[]> { ["areas"] = [.. outcome.Errors] });
        }).WithName("PreviewWeightedCharacteristics");
        return api;
    }
}

/// <summary>Marks the service's assembly.</summary>
internal sealed class BudgetsModels;
