using Platform.IntegrationEvents.Populations;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Populations.Import;
using Platform.Security;

namespace Platform.Populations.Import;

/// <summary>The answer to an import: what was written, and every row that was not, with its line and reason.</summary>
public sealed record CbsImportReport(
    Guid ImportId,
    DateOnly ReferenceDate,
    int RowsRead,
    int AreasAdded,
    int CharacteristicsChanged,
    int Unchanged,
    int Skipped,
    IReadOnlyList<RejectedRow> Rejected,
    IReadOnlyList<string> MissingCharacteristics,
    IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// Imports a CBS "Kerncijfers wijken en buurten" file: a policy advisor for their own municipality, a
/// platform administrator for any. Good rows are written and bad rows reported in the same answer; an
/// unchanged re-import writes nothing and publishes nothing.
/// </summary>
internal sealed class CbsImports(Database database, Outbox outbox)
{
    public async Task<CbsImportReport> ImportAsync(CallerContext caller, Stream file, DateOnly referenceDate, string sourceName, CancellationToken ct)
    {
        var allowed = caller.Roles.Contains(PlatformRoles.PlatformAdmin) ? null : new HashSet<string>([caller.Municipality!], StringComparer.Ordinal);
        var read = await CbsKerncijfersReader.ReadAsync(file, allowed, ct);
        var importId = Guid.CreateVersion7();

        return await database.InTransactionAsync(caller, async session =>
        {
            var changes = await CbsImportStore.WriteAsync(session, read.Rows, referenceDate, importId, ct);
            var report = new CbsImportReport(
                importId, referenceDate, read.Rows.Count + read.Rejected.Count, changes.AreasAdded, changes.CharacteristicsChanged,
                changes.Unchanged, read.SkippedRows, read.Rejected, [.. read.MissingCharacteristics.Select(c => c.Key)], read.IgnoredColumns);
            await CbsImportStore.LogAsync(session, report, sourceName, ct);
            foreach (var (municipality, rows) in changes.ChangedByMunicipality)
            {
                await outbox.AddAsync(session, new CharacteristicsPublished(
                    municipality, referenceDate, importId,
                    [.. rows.Select(r => new AreaCharacteristics(r.Code.Value, CharacteristicsJson.ToDictionary(r.Values)))]), ct);
            }

            return report;
        }, ct);
    }
}
