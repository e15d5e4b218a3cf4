using System.Text.RegularExpressions;
using Platform.Hosting.Results;
using Platform.IntegrationEvents.Populations;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Security;

namespace Platform.Populations.Responsibilities;

/// <summary>What a contract manager submits: which provider is responsible for a population, from when until when.</summary>
public sealed record ResponsibilityChange(string? ProviderId, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>
/// Records which provider is responsible for a population ("verantwoordelijke aanbieder"). A small,
/// replaceable part: the contracts service will own this and publish it; until then it lives here and
/// is published as <see cref="PopulationResponsibilityAssigned"/> so that other services can scope provider access.
/// </summary>
internal sealed partial class ResponsibilityCommands(Database database, Outbox outbox)
{
    public Task<Result<Responsibility>> AssignAsync(CallerContext caller, Guid populationId, ResponsibilityChange change, CancellationToken ct) =>
        database.InTransactionAsync(caller, async session =>
        {
            // Contract managers may not update the population row, so FOR UPDATE would hide it from them
            // (row-level security); a transaction lock per population serialises concurrent assignments instead.
            await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))", ct, populationId);
            var population = await PopulationStore.FindAsync(session, populationId, ct);
            if (population is null || population.Definition.Municipality != caller.Municipality)
            {
                return Result<Responsibility>.NotFound();
            }

            var errors = Validate(change, population.Definition.Validity);
            if (errors.Count > 0)
            {
                return Result<Responsibility>.Invalid(errors);
            }

            if (population.Definition.Status == PopulationStatus.Retired)
            {
                return Result<Responsibility>.InConflict("A retired population gets no new responsible provider.");
            }

            if (await ResponsibilityStore.OverlappingAsync(session, populationId, change.ValidFrom!.Value, change.ValidTo, ct) is { } existing)
            {
                return Result<Responsibility>.InConflict(
                    $"{existing.ProviderId} is already responsible from {existing.ValidFrom:yyyy-MM-dd}{(existing.ValidTo is { } to ? $" to {to:yyyy-MM-dd}" : "")}: one provider or consortium answers for a population at a time.");
            }

            var responsibility = new Responsibility(
                Guid.CreateVersion7(), populationId, population.Definition.Municipality, change.ProviderId!.Trim(),
                change.ValidFrom.Value, change.ValidTo, DateTimeOffset.UtcNow, caller.Subject);
            await ResponsibilityStore.InsertAsync(session, responsibility, ct);
            await outbox.AddAsync(session, new PopulationResponsibilityAssigned(
                responsibility.Municipality, responsibility.Id, populationId, responsibility.ProviderId, responsibility.ValidFrom, responsibility.ValidTo), ct);
            return Result<Responsibility>.Done(responsibility);
        }, ct);

    private static Dictionary<string, string[]> Validate(ResponsibilityChange change, Period populationValidity)
    {
        var errors = new Dictionary<string, string[]>();
        if (change.ProviderId is null || !ProviderIdPattern().IsMatch(change.ProviderId.Trim()))
        {
            errors["providerId"] = ["The provider id from the realm: 1 to 64 lowercase letters, digits and '-', e.g. tom-in-de-buurt."];
        }

        if (change.ValidFrom is not { } from)
        {
            errors["validFrom"] = ["The first day of the responsibility is required."];
            return errors;
        }

        var period = new Period(from, change.ValidTo);
        if (!period.IsValid(out var error))
        {
            errors["validTo"] = [error!];
        }
        else if (from < populationValidity.From || period.UpperBound > populationValidity.UpperBound)
        {
            errors["validFrom"] = [$"The responsibility must lie within the population's validity ({populationValidity})."];
        }

        return errors;
    }

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex ProviderIdPattern();
}
