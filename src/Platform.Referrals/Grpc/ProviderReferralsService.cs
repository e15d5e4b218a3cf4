using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Platform.Hosting.Results;
using Platform.Provider.V1;
using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Intake;
using Platform.Security;

namespace Platform.Referrals.Grpc;

/// <summary>
/// <c>platform.provider.v1.ProviderReferrals</c>: referrals and their status from provider systems. The token's
/// provider id decides what may be submitted and updated; row-level security holds the same below. One instance
/// serves one call, with that call's caller context, as an endpoint handler receives it.
/// </summary>
[Authorize(Policy = PlatformPolicies.ProviderSystem)]
internal sealed class ProviderReferralsService(ReferralIntake intake, CallerContext caller) : ProviderReferrals.ProviderReferralsBase
{
    public override async Task<SubmitReferralsResponse> SubmitReferrals(SubmitReferralsRequest request, ServerCallContext context)
    {
        CheckSize(request);
        var result = await SubmitBatchAsync(request, 0, context);
        return ReferralMessages.ToResponse(result, position => request.Referrals[position].ReferralId);
    }

    /// <summary>Each message is its own transaction: what was read before a break stays stored.</summary>
    public override async Task<SubmitReferralsResponse> StreamReferrals(IAsyncStreamReader<SubmitReferralsRequest> requestStream, ServerCallContext context)
    {
        var total = IntakeResult.Empty;
        var referralIds = new Dictionary<int, string>();
        var position = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            CheckSize(request);
            var result = await SubmitBatchAsync(request, position, context);
            foreach (var rejected in result.Rejected)
            {
                referralIds[rejected.Position] = request.Referrals[rejected.Position - position].ReferralId;
            }

            total = total.Add(result);
            position += request.Referrals.Count;
        }

        return ReferralMessages.ToResponse(total, p => referralIds[p]);
    }

    public override async Task<UpdateReferralStatusResponse> UpdateReferralStatus(UpdateReferralStatusRequest request, ServerCallContext context)
    {
        var result = await intake.UpdateStatusAsync(caller, ReferralMessages.ToDomain(request), context.CancellationToken);
        if (result.Violations is { } violations)
        {
            throw ReferralMessages.ExplainDates(violations, "date", request.Date).ToRpcException("The status update has invalid fields.");
        }

        var change = result.ValueOrThrow($"This provider submitted no referral '{request.ReferralId}'.");
        return new UpdateReferralStatusResponse { Status = (Provider.V1.ReferralStatus)(int)change.Status, Changed = change.Changed };
    }

    private async Task<IntakeResult> SubmitBatchAsync(SubmitReferralsRequest request, int firstPosition, ServerCallContext context)
    {
        var submissions = request.Referrals.Select(ReferralMessages.ToDomain).ToList();
        var result = await intake.SubmitAsync(caller, submissions, firstPosition, context.CancellationToken, request.ValidateOnly);
        return result with
        {
            Rejected = [.. result.Rejected.Select(r => r with
            {
                Violations = ReferralMessages.ExplainDates(r.Violations, "referral_date", request.Referrals[r.Position - firstPosition].ReferralDate),
            })],
        };
    }

    private static void CheckSize(SubmitReferralsRequest request)
    {
        new RequestValidation()
            .Require(request.Referrals.Count > 0, "referrals", "At least one referral.")
            .Require(request.Referrals.Count <= ReferralIntake.MaxBatchSize, "referrals", $"At most {ReferralIntake.MaxBatchSize:N0} referrals per message; split the batch.")
            .ThrowIfInvalid();
    }
}
