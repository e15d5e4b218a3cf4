using Platform.Persistence.Sessions;

namespace Platform.Populations.Domain;

internal sealed class AnalysisRefresh
{
    private int _refreshes;

    public Task RefreshAsync(DbSession session, string municipality, CancellationToken ct)
    {
        _refreshes++;
        return Task.CompletedTask;
    }
}
