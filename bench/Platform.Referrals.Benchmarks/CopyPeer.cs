using System.Globalization;
using NpgsqlTypes;
using Platform.Provider.V1;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// The limit: the same referrals, turned into column values beforehand, in one binary COPY straight into the
/// <c>referrals</c> table of a fresh database with the service's schema (its primary key and index), as the owner,
/// in one transaction: nothing validated, scoped, checked by a policy or merged.
/// </summary>
internal sealed class CopyPeer(BenchDatabase database, IEnumerable<ReferralSubmission> referrals, string providerId, Guid populationId)
{
    private readonly (string Id, string Client, string Neighbourhood, short Age, DateOnly Date, string Team, short Referrer, short Destination, short Domain, short Urgency)[] _rows =
        [.. referrals.Select(r => (r.ReferralId, r.ClientReference, r.NeighbourhoodCode, (short)r.AgeBand,
            DateOnly.ParseExact(r.ReferralDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.ReferringTeam,
            (short)r.ReferrerType, (short)r.DestinationType, (short)r.LifeDomain, (short)r.Urgency))];

    /// <summary>Copies the first <paramref name="count"/> referrals.</summary>
    public async Task<int> CopyAsync(int count)
    {
        await using var connection = await database.OpenOwnerAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY referrals (provider_id, referral_id, municipality, population_id, client_reference, neighbourhood, age_band, referral_date, " +
            "referring_team, referrer_type, destination_type, life_domain, urgency) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in _rows.Take(count))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(providerId, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Id, NpgsqlDbType.Text);
                await writer.WriteAsync(SyntheticReferrals.Municipality, NpgsqlDbType.Text);
                await writer.WriteAsync(populationId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(r.Client, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Neighbourhood, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Age, NpgsqlDbType.Smallint);
                await writer.WriteAsync(r.Date, NpgsqlDbType.Date);
                await writer.WriteAsync(r.Team, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Referrer, NpgsqlDbType.Smallint);
                await writer.WriteAsync(r.Destination, NpgsqlDbType.Smallint);
                await writer.WriteAsync(r.Domain, NpgsqlDbType.Smallint);
                await writer.WriteAsync(r.Urgency, NpgsqlDbType.Smallint);
            }

            await writer.CompleteAsync();
        }

        await transaction.CommitAsync();
        return count;
    }
}
