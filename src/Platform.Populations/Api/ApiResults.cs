using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Populations.Domain;

namespace Platform.Populations.Api;

/// <summary>Maps a command's outcome to the HTTP answer every endpoint gives for it.</summary>
internal static class ApiResults
{
    public static Results<Ok<TResponse>, NotFound, ValidationProblem, ProblemHttpResult> From<T, TResponse>(
        CommandResult<T> result, Func<T, TResponse> response) =>
        result switch
        {
            { IsNotFound: true } => TypedResults.NotFound(),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            { Conflict: { } conflict } => TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Conflict with the current state"),
            _ => TypedResults.Ok(response(result.Value!)),
        };
}
