namespace Platform.Outcomes;

/// <summary>The service's own settings, section <c>Outcomes</c>.</summary>
internal sealed class OutcomesOptions
{
    /// <summary>How often the evaluator looks for municipalities with new measurements, agreements or ended periods.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether a Development run submits the demo measurements through the intake.</summary>
    public bool SeedDemo { get; set; }
}
