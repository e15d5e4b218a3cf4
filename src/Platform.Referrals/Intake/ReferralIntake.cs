using Platform.Hosting.Results;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Referrals.Data;
using Platform.Referrals.Domain;
using Platform.Referrals.Domain.Intake;
using Platform.Security;

namespace Platform.Referrals.Intake;

/// <summary>What one submitted batch came to: stored, already there, and refused by position.</summary>
internal sealed record IntakeResult(int Accepted, int Duplicates, IReadOnlyList<RejectedItem> Rejected)
{
    public static IntakeResult Empty { get; } = new(0, 0, []);

    public IntakeResult Add(IntakeResult other) =>
        new(Accepted + other.Accepted, Duplicates + other.Duplicates, [.. Rejected, .. other.Rejected]);
}

/// <summary>What a status update came to: the referral's status after it, and whether it changed anything.</summary>
internal sealed record StatusChange(ReferralStatus Status, bool Changed);

/// <summary>
/// Takes referrals and status updates from a provider system: validates each item, places it in a population the
/// provider answers for, stores it once, and asks the signal detector to look again.
/// </summary>
internal sealed class ReferralIntake(Database database, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ReferralsOptions> options)
{
    public const int MaxBatchSize = 10_000;

    /// <summary>
    /// Stores one batch in one transaction. <paramref name="firstPosition"/> continues the positions of a stream.
    /// With <paramref name="validateOnly"/> the same transaction runs every check, the insert's conflicts included,
    /// and is rolled back, so the answer is exactly what a submission would have given and nothing remains.
    /// </summary>
    public async Task<IntakeResult> SubmitAsync(
        CallerContext provider, IReadOnlyList<ReferralSubmission> items, int firstPosition, CancellationToken ct, bool validateOnly = false)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var providerId = provider.ProviderId ?? throw new ArgumentException("Only a provider system submits referrals.", nameof(provider));
        var validation = ReferralBatch.Validate(items, clock.Today(), firstPosition: firstPosition);

        await using var session = await database.BeginAsync(provider, ct);
        var scope = await ReferralStore.ScopeAsync(session, ct);
        var known = await ReferralStore.KnownNeighbourhoodsAsync(session, validation.Accepted.Select(a => a.Value.Neighbourhood.Municipality), ct);
        var rejected = validation.Rejected.ToList();
        var scoped = new List<ScopedReferral>(validation.Accepted.Count);
        foreach (var (position, referral) in validation.Accepted)
        {
            if (!known.Contains(referral.Neighbourhood.Value))
            {
                // A well-formed code of no real neighbourhood would otherwise become a row of its own in the figures.
                rejected.Add(new RejectedItem(position, [new FieldViolation(
                    $"referrals[{position}].neighbourhood_code",
                    $"{referral.Neighbourhood} is not a neighbourhood of {referral.Neighbourhood.Municipality} in the CBS areas imported into the platform.")]));
            }
            else if (scope.PopulationFor(referral) is { } population)
            {
                scoped.Add(new ScopedReferral(position, referral, population));
            }
            else
            {
                rejected.Add(new RejectedItem(position, [new FieldViolation(
                    $"referrals[{position}].neighbourhood_code",
                    $"{referral.Neighbourhood} is in no population your organisation is responsible for on {referral.ReferralDate:yyyy-MM-dd} for age band {referral.AgeBand}.")]));
            }
        }

        var stored = await ReferralStore.InsertAsync(session, providerId, scoped, ct);
        var byPosition = scoped.ToDictionary(s => s.Position);
        rejected.AddRange(stored.ConflictingPositions.Select(position => new RejectedItem(position, [new FieldViolation(
            $"referrals[{position}].referral_id",
            $"Referral {byPosition[position].Referral.ReferralId} was received before with other content; it was kept as it was.")])));
        if (stored.Inserted > 0)
        {
            await ReferralStore.RequestDetectionAsync(session, scoped.Select(s => s.Population.Municipality), ct);
        }

        if (!validateOnly)
        {
            await session.CommitAsync(ct);
        }

        return new IntakeResult(stored.Inserted, stored.Duplicates, [.. rejected.OrderBy(r => r.Position)]);
    }

    public async Task<Result<StatusChange>> UpdateStatusAsync(CallerContext provider, StatusUpdateSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var validated = StatusUpdateValidation.Validate(submission, clock.Today());
        if (!validated.IsValid)
        {
            return Result<StatusChange>.Invalid(validated.Violations);
        }

        var update = validated.Value!;
        await using var session = await database.BeginAsync(provider, ct);
        if (await ReferralStore.ForUpdateAsync(session, update.ReferralId, ct) is not { } stored)
        {
            return Result<StatusChange>.NotFound();
        }

        var applied = new ReferralLifecycle(stored.ReferralDate, stored.History).Apply(update);
        if (!applied.IsValid)
        {
            return Result<StatusChange>.Invalid(applied.Violations);
        }

        var change = applied.Value!;
        if (change.Changed)
        {
            await ReferralStore.AddStatusAsync(session, stored, update, options.Value.Signals.WaitingNormDays, ct);
            await ReferralStore.RequestDetectionAsync(session, [stored.Municipality], ct);
            await session.CommitAsync(ct);
        }

        return Result<StatusChange>.Done(new StatusChange(change.Lifecycle.Current!.Value, change.Changed));
    }
}
