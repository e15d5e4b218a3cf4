using Grpc.Core;
using Platform.Provider.V1;
using Platform.Testing;

namespace Platform.FaultDrills;

/// <summary>
/// The provider Tom in de buurt's system as the provider guide tells it to behave: batches of referrals with ids
/// of its own, each batch sent again after any failure until the platform answers, so nothing is lost and a
/// batch stored before the failure comes back as duplicates.
/// </summary>
internal sealed class ProviderSystem(DrillPlatform platform, string prefix)
{
    private const string Client = "provider-tom-in-de-buurt";
    private int _next;

    public long Sent { get; private set; }

    public long Resent { get; private set; }

    public long AnsweredAsDuplicates { get; private set; }

    public string Prefix => prefix;

    /// <summary>Sends batches until <paramref name="stop"/> is cancelled; the batch in flight is finished first.</summary>
    public async Task SendUntilAsync(CancellationToken stop, int batchSize = 50)
    {
        while (!stop.IsCancellationRequested)
        {
            await SendBatchAsync(batchSize);
        }
    }

    public async Task SendBatchAsync(int batchSize)
    {
        var batch = new SubmitReferralsRequest();
        for (var i = 0; i < batchSize; i++)
        {
            batch.Referrals.Add(Referral($"{prefix}-{Interlocked.Increment(ref _next)}"));
        }

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            try
            {
                var token = await platform.Tokens.ClientCredentialsTokenAsync(Client);
                var client = new ProviderReferrals.ProviderReferralsClient(GrpcTestClients.Invoker(platform.Referrals.GrpcAddress, token));
                var response = await client.SubmitReferralsAsync(batch, deadline: DateTime.UtcNow.AddSeconds(20));
                if (response.Rejected.Count > 0)
                {
                    throw new InvalidOperationException($"The platform refused a drill referral: {response.Rejected[0]}");
                }

                Sent += batchSize;
                AnsweredAsDuplicates += response.Duplicates;
                return;
            }
            catch (Exception e) when ((e is RpcException or HttpRequestException) && DateTime.UtcNow < deadline)
            {
                Resent++;
                await Task.Delay(500);
            }
        }
    }

    /// <summary>Rows stored for this provider's drill referrals, and how many of them share an id.</summary>
    public async Task<(long Stored, long Duplicated)> StoredAsync()
    {
        var stored = await platform.ReferralsScalarAsync("SELECT count(*) FROM referrals WHERE referral_id LIKE $1", prefix + "-%");
        var distinct = await platform.ReferralsScalarAsync("SELECT count(DISTINCT referral_id) FROM referrals WHERE referral_id LIKE $1", prefix + "-%");
        return (stored, stored - distinct);
    }

    /// <summary>A referral inside the demo population Tom in de buurt answers for (Alphen, 23–64).</summary>
    private static ReferralSubmission Referral(string id) => new()
    {
        ReferralId = id,
        ClientReference = $"client-{id}",
        NeighbourhoodCode = "BU04840101",
        AgeBand = AgeBand._2364,
        ReferralDate = "2025-03-10",
        ReferringTeam = "Sociaal team Centrum",
        ReferrerType = ReferrerType.GeneralPractitioner,
        DestinationType = DestinationType.SupplementaryCareCategory,
        LifeDomain = LifeDomain.Finances,
        Urgency = Urgency.Regular,
    };
}
