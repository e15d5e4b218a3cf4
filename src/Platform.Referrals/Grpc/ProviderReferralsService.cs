using Platform.Grpc;
using Platform.Grpc.Server;
using Platform.Provider.V1;
using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Intake;
using Platform.Security;

namespace Platform.Referrals.Grpc;

/// <summary>
/// <c>platform.provider.v1.ProviderReferrals</c>: referrals and their status from provider systems. The token's
/// provider id decides what may be submitted and updated; row-level security holds the same below.
/// </summary>
internal static class ProviderReferralsService
{
    public static WebApplication MapProviderReferralsService(this WebApplication app)
    {
        app.MapGrpcService(ProviderReferralsReflection.Descriptor.Services[0], service =>
        {
            service.RequireAuthorization(PlatformPolicies.ProviderSystem);
            service.Unary<SubmitReferralsRequest, SubmitReferralsResponse>("SubmitReferrals", SubmitAsync);
            service.ClientStreaming<SubmitReferralsRequest, SubmitReferralsResponse>("StreamReferrals", StreamAsync);
            service.Unary<UpdateReferralStatusRequest, UpdateReferralStatusResponse>("UpdateReferralStatus", UpdateStatusAsync);
        });
        return app;
    }

    internal static async Task<SubmitReferralsResponse> SubmitAsync(SubmitReferralsRequest request, ServerCallContext context)
    {
        CheckSize(request);
        var result = await SubmitBatchAsync(request, 0, context);
        return ReferralMessages.ToResponse(result, position => request.Referrals[position].ReferralId);
    }

    /// <summary>Each message is its own transaction: what was read before a break stays stored.</summary>
    internal static async Task<SubmitReferralsResponse> StreamAsync(IAsyncEnumerable<SubmitReferralsRequest> requests, ServerCallContext context)
    {
        var total = IntakeResult.Empty;
        var referralIds = new Dictionary<int, string>();
        var position = 0;
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
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

    internal static async Task<UpdateReferralStatusResponse> UpdateStatusAsync(UpdateReferralStatusRequest request, ServerCallContext context)
    {
        var intake = context.Services.GetRequiredService<ReferralIntake>();
        var caller = CallerContextFactory.FromPrincipal(context.User);
        var result = await intake.UpdateStatusAsync(caller, ReferralMessages.ToDomain(request), context.CancellationToken);
        if (!result.Found)
        {
            throw new RpcException(StatusCode.NotFound, $"This provider submitted no referral '{request.ReferralId}'.");
        }

        if (result.Violations.Count > 0)
        {
            var violations = ReferralMessages.ExplainDates(result.Violations, "date", request.Date);
            throw RpcException.InvalidArgument("The status update has invalid fields.", [.. violations.Select(v => new Platform.Grpc.FieldViolation(v.Field, v.Description))]);
        }

        return new UpdateReferralStatusResponse { Status = (Provider.V1.ReferralStatus)(int)result.Status!.Value, Changed = result.Changed };
    }

    private static async Task<IntakeResult> SubmitBatchAsync(SubmitReferralsRequest request, int firstPosition, ServerCallContext context)
    {
        var intake = context.Services.GetRequiredService<ReferralIntake>();
        var caller = CallerContextFactory.FromPrincipal(context.User);
        var submissions = request.Referrals.Select(ReferralMessages.ToDomain).ToList();
        var result = await intake.SubmitAsync(caller, submissions, firstPosition, context.CancellationToken);
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
