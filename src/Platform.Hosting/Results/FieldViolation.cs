namespace Platform.Hosting.Results;

/// <summary>One invalid request field: sent as a <c>google.rpc.BadRequest.FieldViolation</c> in the status details.</summary>
/// <param name="Field">The field's path in proto names, e.g. <c>referrals[3].neighbourhood_code</c>.</param>
/// <param name="Description">Why the value was rejected, for the developer of the calling system.</param>
public sealed record FieldViolation(string Field, string Description);
