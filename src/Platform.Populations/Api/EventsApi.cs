using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Populations.Domain;
using Platform.Populations.Resend;
using Platform.Security;

namespace Platform.Populations.Api;

/// <summary>Operations on the service's events: sending the current state again for a service that joined later.</summary>
internal static class EventsApi
{
    public static RouteGroupBuilder MapEventsEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/events/resend", ResendAsync).WithTags("Events").WithName("ResendPopulationsState")
            .WithSummary("Publishes every region, and per municipality its populations with responsibilities and its CBS figures, again.")
            .RequireAuthorization(PlatformPolicies.PlatformAdmin);
        return api;
    }

    private static async Task<Ok<ResendReport>> ResendAsync([Microsoft.AspNetCore.Mvc.FromQuery] string[]? municipality, StateResend resend, CancellationToken ct) =>
        TypedResults.Ok(await resend.ResendAsync(municipality is { Length: > 0 } ? municipality : null, ct));
}
