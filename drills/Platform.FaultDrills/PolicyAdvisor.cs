using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.FaultDrills;

/// <summary>
/// Alphen's policy advisor defining populations, each one event from the populations service's outbox to the
/// referrals service's read model. A request that fails for want of a server is sent again, as a user would.
/// </summary>
internal sealed class PolicyAdvisor(DrillPlatform platform, string prefix)
{
    private static readonly string[] s_areas = ["BU04840101"];
    private static readonly string[] s_laws = ["Wmo"];
    private readonly List<Guid> _defined = [];
    private int _next;

    public IReadOnlyList<Guid> Defined => _defined;

    public async Task DefineUntilAsync(TimeSpan every, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await DefineAsync();
            await Task.Delay(every, CancellationToken.None);
        }
    }

    public async Task DefineAsync()
    {
        var name = $"{prefix} {Interlocked.Increment(ref _next)}";
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            try
            {
                using var advisor = await platform.AdvisorAsync();
                using var response = await advisor.PostAsJsonAsync("/api/populations/populations", new
                {
                    name,
                    areas = s_areas,
                    ageFrom = 18,
                    laws = s_laws,
                    validFrom = "2026-01-01",
                });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    _defined.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
                    return;
                }

                if ((int)response.StatusCode < 500 || DateTime.UtcNow >= deadline)
                {
                    throw new InvalidOperationException($"Defining {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(500);
        }
    }

    /// <summary>The defined populations' events the populations service marked sent.</summary>
    public Task<long> PublishedAsync() => platform.PopulationsScalarAsync(
        "SELECT count(*) FROM platform.outbox_messages WHERE sent_at IS NOT NULL AND message_type LIKE '%PopulationDefined%' AND body::text LIKE $1",
        $"%{prefix} %");

    /// <summary>The defined populations the referrals service knows, and how many it holds at a version past the one event sent.</summary>
    public async Task<(long Applied, long Duplicated)> AppliedAsync()
    {
        var ids = _defined.ToArray();
        var applied = await platform.ReferralsScalarAsync("SELECT count(*) FROM populations WHERE id = ANY($1)", ids);
        var beyond = await platform.ReferralsScalarAsync("SELECT count(*) FROM populations WHERE id = ANY($1) AND version <> 1", ids);
        return (applied, beyond);
    }

    /// <summary>Waits until every defined population reached the referrals service, or the time is up.</summary>
    public async Task<bool> AllAppliedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await AppliedAsync()).Applied == _defined.Count)
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }
}
