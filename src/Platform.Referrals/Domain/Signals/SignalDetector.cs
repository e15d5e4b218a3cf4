namespace Platform.Referrals.Domain.Signals;

/// <summary>
/// Turns breaches into signals, once each. Given the signals raised before, it returns only new ones and the
/// open ones that have closed, so running it again over the same figures changes nothing.
/// </summary>
public sealed class SignalDetector(SignalRules rules)
{
    public SignalDetector()
        : this(SignalRules.Default)
    {
    }

    public DetectionResult Detect(IEnumerable<SignalSeries> series, IEnumerable<KnownSignal> known)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(known);
        var byKey = known.ToDictionary(k => k.Key);
        var raised = new List<RaisedSignal>();
        var closed = new List<ClosedSignal>();
        foreach (var one in series)
        {
            var breaches = BreachFinder.Find(one, rules, out var figures);
            foreach (var breach in breaches)
            {
                var key = Identify(one, breach, figures, byKey);
                if (!byKey.TryGetValue(key, out var earlier))
                {
                    var trigger = figures[breach.TriggerIndex];
                    raised.Add(new RaisedSignal(key, breach.Reason, trigger, [.. figures.Take(breach.TriggerIndex + 1)], breach.ClosedIn));
                    if (breach.ClosedIn is { } end)
                    {
                        closed.Add(new ClosedSignal(key, end));
                    }
                }
                else if (earlier.ClosedIn is null && breach.ClosedIn is { } end)
                {
                    closed.Add(new ClosedSignal(key, end));
                }

                // A closed signal whose breach the figures now show open again (after a correction) is not
                // raised twice: one breach, one signal.
            }
        }

        return new DetectionResult(raised, closed);
    }

    /// <summary>
    /// The key of a breach. When the figures start inside a breach (a window that no longer reaches back to its
    /// start), the start is unknown here, so the breach is the open signal already known for this unit and kind.
    /// </summary>
    private static BreachKey Identify(SignalSeries series, Breach breach, IReadOnlyList<SignalFigures> figures, Dictionary<BreachKey, KnownSignal> known)
    {
        var key = new BreachKey(series.Unit, series.Kind, breach.Start);
        if (known.ContainsKey(key) || figures.Count == 0 || breach.Start != figures[0].Period)
        {
            return key;
        }

        var continuing = known.Values
            .Where(k => k.ClosedIn is null && k.Key.Unit == series.Unit && k.Key.Kind == series.Kind && k.Key.Start < breach.Start)
            .Select(k => k.Key)
            .OrderByDescending(k => k.Start)
            .FirstOrDefault();
        return continuing ?? key;
    }
}
