using Grpc.Core;
using Platform.Provider.V1;
using Platform.Testing;

namespace Platform.FaultDrills.Drills;

/// <summary>
/// The identity provider down for a minute: a provider holding a valid token keeps submitting (the service checks
/// it with the signing keys it cached); a new token cannot be had meanwhile, and can again afterwards.
/// </summary>
internal sealed class IdentityOutage : Drill
{
    public override string Name => "identity-outage";

    public override async Task<DrillResult> RunAsync(DrillPlatform platform)
    {
        var prefix = NewPrefix();
        var token = await platform.Tokens.ClientCredentialsTokenAsync("provider-tom-in-de-buurt");
        var client = new ProviderReferrals.ProviderReferralsClient(GrpcTestClients.Invoker(platform.Referrals.GrpcAddress, token));
        await platform.Identity.StopAsync();

        long sent = 0, refusedDuringOutage = 0;
        bool newTokenRefused;
        try
        {
            var until = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < until)
            {
                var batch = new SubmitReferralsRequest();
                for (var i = 0; i < 20; i++)
                {
                    batch.Referrals.Add(new ReferralSubmission
                    {
                        ReferralId = $"{prefix}-{++sent}", ClientReference = $"client-{prefix}-{sent}", NeighbourhoodCode = "BU04840101",
                        AgeBand = AgeBand._2364, ReferralDate = "2025-03-10", ReferringTeam = "Sociaal team Centrum",
                        ReferrerType = ReferrerType.GeneralPractitioner, DestinationType = DestinationType.SupplementaryCareCategory,
                        LifeDomain = LifeDomain.Finances, Urgency = Urgency.Regular,
                    });
                }

                try
                {
                    await client.SubmitReferralsAsync(batch, deadline: DateTime.UtcNow.AddSeconds(20));
                }
                catch (RpcException)
                {
                    refusedDuringOutage += batch.Referrals.Count;
                }

                await Task.Delay(1000);
            }

            newTokenRefused = await TokenRefusedAsync(platform);
        }
        finally
        {
            await platform.Identity.StartAsync();
        }

        var tokenAfter = !await TokenRefusedAsync(platform);
        var stored = await platform.ReferralsScalarAsync("SELECT count(*) FROM referrals WHERE referral_id LIKE $1", prefix + "-%");
        return new DrillResult(Name, sent, stored, 0, 0, Lost: sent - stored, Duplicated: 0,
            $"identity provider down 60 s: {refusedDuringOutage} referral(s) refused with a token issued before; " +
            $"a new token {(newTokenRefused ? "could not be had" : "WAS ISSUED")} during the outage and {(tokenAfter ? "could" : "could NOT")} be had after");
    }

    private static async Task<bool> TokenRefusedAsync(DrillPlatform platform)
    {
        try
        {
            await platform.Tokens.ClientCredentialsTokenAsync("provider-tom-in-de-buurt");
            return false;
        }
        catch (HttpRequestException)
        {
            return true;
        }
    }
}
