namespace Platform.LocalInfrastructure;

/// <summary>
/// A lock shared by every process on the machine: test assemblies run in parallel and must not
/// start two servers on one data folder. The operating system releases it when a holder dies.
/// </summary>
internal sealed class ExclusiveFileLock : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);
    private readonly FileStream _stream;

    private ExclusiveFileLock(FileStream stream) => _stream = stream;

    public static async Task<ExclusiveFileLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        while (true)
        {
            try
            {
                return new ExclusiveFileLock(
                    new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (IOException exception)
            {
                throw new TimeoutException($"Another process has held {path} for {s_timeout}.", exception);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
