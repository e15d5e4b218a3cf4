using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Platform.Hosting;

/// <summary>
/// Answers a refused gRPC call in gRPC terms: a trailers-only response with UNAUTHENTICATED for no or
/// a bad token and PERMISSION_DENIED for a caller the policy refuses. Without it the authorization
/// middleware answers HTTP 401/403, which clients only guess a gRPC status from and carries no message.
/// </summary>
public sealed class GrpcAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    public const string UnauthenticatedDetail = "A valid bearer token is required in the authorization metadata.";
    public const string PermissionDeniedDetail = "The caller is not allowed to call this method.";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded || !IsGrpc(context.Request))
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var (status, detail) = authorizeResult.Forbidden
            ? (StatusCode.PermissionDenied, PermissionDeniedDetail)
            : (StatusCode.Unauthenticated, UnauthenticatedDetail);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(detail);
        return Task.CompletedTask;
    }

    public static bool IsGrpc(HttpRequest request) =>
        request?.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}
