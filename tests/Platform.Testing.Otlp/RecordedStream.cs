namespace Platform.Testing.Otlp;

/// <summary>
/// An append-only list that tests can wait on. Exports arrive on Kestrel threads while a test
/// awaits, so every read takes a snapshot and a waiter is completed by whichever side sees the match first.
/// </summary>
internal sealed class RecordedStream<T>
{
    private readonly List<T> items = [];
    private readonly List<(Func<T, bool> Predicate, TaskCompletionSource<T> Completion)> waiters = [];
    private readonly Lock gate = new();

    public IReadOnlyList<T> Snapshot()
    {
        lock (gate)
        {
            return [.. items];
        }
    }

    public void Add(IEnumerable<T> received)
    {
        lock (gate)
        {
            foreach (var item in received)
            {
                items.Add(item);
                for (var i = waiters.Count - 1; i >= 0; i--)
                {
                    if (waiters[i].Predicate(item))
                    {
                        waiters[i].Completion.TrySetResult(item);
                        waiters.RemoveAt(i);
                    }
                }
            }
        }
    }

    public async Task<T> WaitAsync(Func<T, bool> predicate, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (predicate, completion);
        lock (gate)
        {
            foreach (var item in items)
            {
                if (predicate(item))
                {
                    return item;
                }
            }

            waiters.Add(waiter);
        }

        try
        {
            return await completion.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"No matching {what} arrived within {timeout.TotalSeconds:0.#} s; {Snapshot().Count} {what}(s) arrived in all.");
        }
        finally
        {
            lock (gate)
            {
                waiters.Remove(waiter);
            }
        }
    }
}
