using Grpc.Core;
using Platform.Persistence;
using Platform.Provider.V1;
using Platform.Referrals.Grpc;
using Platform.Referrals.Intake;
using Platform.Security;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// The ways the same batches reach the <c>referrals</c> table: over gRPC (through the gateway or straight to the
/// service), unary or as client streams, and in-process through <see cref="ReferralIntake"/> without gRPC. Every
/// answer is checked: each batch must be stored whole, with nothing rejected and no duplicate.
/// </summary>
internal sealed class IntakePaths(
    ProviderReferrals.ProviderReferralsClient gateway, ProviderReferrals.ProviderReferralsClient direct, ReferralIntake intake, string providerId)
{
    private const int Attempts = 10;

    private int _resent;

    /// <summary>Unary calls answered with INTERNAL and sent again, so far.</summary>
    public int Resent => Volatile.Read(ref _resent);

    /// <summary>SubmitReferrals through the gateway, <paramref name="inFlight"/> calls at a time.</summary>
    public Task<int> UnaryAsync(IReadOnlyList<SubmitReferralsRequest> batches, int inFlight) =>
        InParallelAsync(batches, inFlight, async batch => Checked(await ResentOnInternalAsync(async () => await gateway.SubmitReferralsAsync(batch)), batch.Referrals.Count));

    /// <summary>StreamReferrals through the gateway: streams of <paramref name="messagesPerStream"/> batches, one after another.</summary>
    public Task<int> StreamAsync(IReadOnlyList<SubmitReferralsRequest> batches, int messagesPerStream) =>
        StreamAsync(gateway, batches, messagesPerStream);

    /// <summary>StreamReferrals straight to the service's gRPC port: what the gateway adds shows against it.</summary>
    public Task<int> DirectStreamAsync(IReadOnlyList<SubmitReferralsRequest> batches, int messagesPerStream) =>
        StreamAsync(direct, batches, messagesPerStream);

    /// <summary>UpdateReferralStatus through the gateway, <paramref name="inFlight"/> calls at a time; every update must change its referral.</summary>
    public Task<int> UpdateStatusAsync(IReadOnlyList<UpdateReferralStatusRequest> updates, int inFlight) =>
        InParallelAsync(updates, inFlight, async update => (await ResentOnInternalAsync(async () => await gateway.UpdateReferralStatusAsync(update))).Changed
            ? 1
            : throw new InvalidOperationException($"{update.Status} of {update.ReferralId} on {update.Date} changed nothing."));

    /// <summary>The service's own intake in this process, as its gRPC handler calls it, with no gRPC or gateway.</summary>
    public async Task<int> InProcessAsync(IReadOnlyList<SubmitReferralsRequest> batches)
    {
        var caller = new CallerContext(null, "bench", ["provider-system"], ProviderId: providerId);
        var accepted = 0;
        foreach (var batch in batches)
        {
            var result = await intake.SubmitAsync(caller, [.. batch.Referrals.Select(ReferralMessages.ToDomain)], 0, CancellationToken.None);
            accepted += Checked(ReferralMessages.ToResponse(result, p => batch.Referrals[p].ReferralId), batch.Referrals.Count);
        }

        return accepted;
    }

    private static async Task<int> StreamAsync(ProviderReferrals.ProviderReferralsClient client, IReadOnlyList<SubmitReferralsRequest> batches, int messagesPerStream)
    {
        var accepted = 0;
        foreach (var group in batches.Chunk(messagesPerStream))
        {
            using var call = client.StreamReferrals();
            foreach (var message in group)
            {
                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
            accepted += Checked(await call.ResponseAsync, group.Sum(m => m.Referrals.Count));
        }

        return accepted;
    }

    private static async Task<int> InParallelAsync<T>(IReadOnlyList<T> batches, int inFlight, Func<T, Task<int>> send)
    {
        var next = -1;
        var accepted = 0;
        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count)
            {
                Interlocked.Add(ref accepted, await send(batches[index]));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => WorkAsync()));
        return accepted;
    }

    /// <summary>
    /// Sends a call again when the service answered INTERNAL: its transaction failed and was rolled back (concurrent
    /// batches of one provider can deadlock on the same signal counts; the service's log says so), and sending the
    /// same again is safe by the API. The count of resent calls is reported with the figures.
    /// </summary>
    private async Task<T> ResentOnInternalAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Internal && attempt < Attempts)
            {
                Interlocked.Increment(ref _resent);
            }
        }
    }

    private static int Checked(SubmitReferralsResponse response, int sent)
    {
        if (response.Accepted != sent || response.Duplicates != 0 || response.Rejected.Count != 0)
        {
            var first = response.Rejected.FirstOrDefault()?.Violations.FirstOrDefault();
            throw new InvalidOperationException(
                $"Of {sent} referrals {response.Accepted} were stored, {response.Duplicates} counted as duplicates and " +
                $"{response.Rejected.Count} rejected{(first is null ? "" : $", first: {first.Field}: {first.Description}")}.");
        }

        return response.Accepted;
    }
}
