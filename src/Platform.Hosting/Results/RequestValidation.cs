namespace Platform.Hosting.Results;

/// <summary>
/// Collects every invalid field of a request, so the caller learns all of them at once:
/// <code>
/// new RequestValidation().Require(request.PopulationId.Length &gt; 0, "population_id", "Required.").ThrowIfInvalid();
/// </code>
/// </summary>
public sealed class RequestValidation
{
    private readonly List<FieldViolation> _violations = [];

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public bool IsValid => _violations.Count == 0;

    public RequestValidation Add(string field, string description)
    {
        _violations.Add(new FieldViolation(field, description));
        return this;
    }

    /// <summary>Adds a violation when <paramref name="condition"/> is false.</summary>
    public RequestValidation Require(bool condition, string field, string description) =>
        condition ? this : Add(field, description);

    /// <summary>Throws INVALID_ARGUMENT with the violations as <c>google.rpc.BadRequest</c> details, if there are any.</summary>
    public void ThrowIfInvalid(string detail = FieldViolations.DefaultDetail)
    {
        if (!IsValid)
        {
            throw _violations.ToRpcException(detail);
        }
    }
}
