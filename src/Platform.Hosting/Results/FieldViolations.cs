using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Platform.Hosting.Results;

public static class FieldViolations
{
    public const string DefaultDetail = "The request has invalid fields.";

    /// <summary>
    /// INVALID_ARGUMENT carrying a <c>google.rpc.Status</c> with one <c>google.rpc.BadRequest</c> field
    /// violation per invalid field, so callers in any language can point at each field.
    /// </summary>
    public static RpcException ToRpcException(this IEnumerable<FieldViolation> violations, string detail = DefaultDetail)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        var status = new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = detail };
        status.Details.Add(Any.Pack(badRequest));
        return status.ToRpcException();
    }

    /// <summary>The field violations a caller received in <c>grpc-status-details-bin</c>; none when the status carries no BadRequest.</summary>
    public static IReadOnlyList<FieldViolation> GetFieldViolations(this RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations
            .Select(v => new FieldViolation(v.Field, v.Description))
            .ToList() ?? [];
    }
}
