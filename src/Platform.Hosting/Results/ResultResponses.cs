using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Hosting.Results;

/// <summary>One mapping of a command's outcome for every endpoint and every RPC.</summary>
public static class ResultResponses
{
    /// <summary>200 with the response, 404, a validation problem keyed by field, or 409 with the conflict as problem details.</summary>
    public static Results<Ok<TResponse>, NotFound, ValidationProblem, ProblemHttpResult> ToHttpResult<T, TResponse>(
        this Result<T> result, Func<T, TResponse> response)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(response);
        return result switch
        {
            { IsNotFound: true } => TypedResults.NotFound(),
            { Violations: { } violations } => violations.ToValidationProblem(),
            { Conflict: { } conflict } => TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Conflict with the current state"),
            _ => TypedResults.Ok(response(result.Value!)),
        };
    }

    /// <summary>The value, or the gRPC status for why there is none: NOT_FOUND, INVALID_ARGUMENT with field violations, or FAILED_PRECONDITION.</summary>
    public static T ValueOrThrow<T>(this Result<T> result, string notFound)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result switch
        {
            { IsNotFound: true } => throw new RpcException(new Status(StatusCode.NotFound, notFound)),
            { Violations: { } violations } => throw violations.ToRpcException(),
            { Conflict: { } conflict } => throw new RpcException(new Status(StatusCode.FailedPrecondition, conflict)),
            _ => result.Value!,
        };
    }

    /// <summary>An RFC 7807 validation problem with the violations' descriptions keyed by field.</summary>
    public static ValidationProblem ToValidationProblem(this IEnumerable<FieldViolation> violations) =>
        TypedResults.ValidationProblem(violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Description).ToArray()));
}
