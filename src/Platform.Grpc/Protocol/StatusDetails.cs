using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Platform.Grpc.Rpc;

namespace Platform.Grpc.Protocol;

/// <summary>The richer error model: a serialized <c>google.rpc.Status</c> in <c>grpc-status-details-bin</c>.</summary>
internal static class StatusDetails
{
    public static byte[] Encode(StatusCode code, string detail, IReadOnlyList<FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        foreach (var violation in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description });
        }

        var status = new Status { Code = (int)code, Message = detail };
        status.Details.Add(Any.Pack(badRequest));
        return status.ToByteArray();
    }

    /// <summary>The field violations in a status, or none when the bytes are not a status carrying a BadRequest.</summary>
    public static IReadOnlyList<FieldViolation> DecodeFieldViolations(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0)
        {
            return [];
        }

        try
        {
            var status = Status.Parser.ParseFrom(bytes);
            return status.Details
                .Where(any => any.Is(BadRequest.Descriptor))
                .SelectMany(any => any.Unpack<BadRequest>().FieldViolations)
                .Select(v => new FieldViolation(v.Field, v.Description))
                .ToList();
        }
        catch (InvalidProtocolBufferException)
        {
            return [];
        }
    }
}
