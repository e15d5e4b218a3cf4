using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using Platform.Grpc.Protocol;

namespace Platform.Grpc.Server;

/// <summary>
/// One method's endpoint: checks the request is gRPC, starts the deadline, authorizes, runs the
/// method and ends the call with exactly one status, whatever happened.
/// </summary>
internal sealed partial class GrpcCallDispatcher(MethodInvoker invoker, CallAuthorizer authorizer, GrpcServerOptions options, ILogger logger)
{
    private readonly string _path = $"/{invoker.Method.Service.FullName}/{invoker.Method.Name}";

    public async Task HandleAsync(HttpContext httpContext)
    {
        if (!await GrpcRequestCheck.IsServableAsync(httpContext))
        {
            return;
        }

        // Messages are limited one by one; a long stream as a whole is not, nor is an idle one slow.
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        if (invoker.Method.IsClientStreaming && httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } dataRate)
        {
            dataRate.MinDataRate = null;
        }

        var call = new ServerCallContext(httpContext, _path, options);
        try
        {
            await RunAsync(call, httpContext);
        }
        finally
        {
            call.ReleaseResources();
        }
    }

    private async Task RunAsync(ServerCallContext call, HttpContext httpContext)
    {
        try
        {
            GrpcRequestCheck.ThrowIfUnsupportedEncoding(httpContext.Request);
            var timeoutHeader = httpContext.Request.Headers[GrpcProtocol.TimeoutHeader].ToString();
            if (timeoutHeader.Length > 0)
            {
                if (!GrpcTimeout.TryParse(timeoutHeader, out var timeout))
                {
                    throw new RpcException(StatusCode.Internal, $"Invalid grpc-timeout '{timeoutHeader}'.");
                }

                call.StartDeadline(timeout);
            }

            if (authorizer.IsRequired && !invoker.AllowAnonymous)
            {
                await authorizer.AuthorizeAsync(httpContext);
            }

            var handler = invoker.InvokeAsync(call);
            if (call.DeadlinePassed is { } deadline && await Task.WhenAny(handler, deadline) == deadline)
            {
                await EndAtDeadlineAsync(call, handler);
                return;
            }

            await handler;
            await call.FinishAsync(StatusCode.OK, null);
        }
        catch (RpcException e)
        {
            await call.FinishAsync(e.StatusCode, e.Detail, e.FieldViolations, e.Trailers);
        }
        catch (Exception) when (call.DeadlineExceeded)
        {
            await call.FinishAsync(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        catch (Exception e) when (call.ClientCancelled && e is OperationCanceledException or IOException)
        {
            // The client reset the stream: nobody is left to read a status.
            LogCancelled(logger, _path);
        }
        catch (Exception e)
        {
            LogHandlerFailed(logger, e, _path);
            await call.FinishAsync(StatusCode.Internal, "Exception was thrown by handler.");
        }
    }

    /// <summary>
    /// The caller gets DEADLINE_EXCEEDED at once; the handler, whose token has fired, is still awaited
    /// so that nothing touches the request after it is recycled.
    /// </summary>
    private async Task EndAtDeadlineAsync(ServerCallContext call, Task handler)
    {
        await call.FinishAsync(StatusCode.DeadlineExceeded, "Deadline Exceeded", complete: true);
        try
        {
            await handler;
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException or IOException)
        {
            LogEndedAfterDeadline(logger, _path, e.GetType().Name);
        }
        catch (Exception e)
        {
            LogHandlerFailed(logger, e, _path);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC method {Method} threw; the caller gets INTERNAL.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Debug, Message = "gRPC call {Method} was cancelled by the client.")]
    private static partial void LogCancelled(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Debug, Message = "gRPC method {Method} ended with {Exception} after its deadline.")]
    private static partial void LogEndedAfterDeadline(ILogger logger, string method, string exception);
}

/// <summary>Checks every gRPC endpoint makes before anything else, answering in HTTP where gRPC cannot be spoken.</summary>
internal static class GrpcRequestCheck
{
    /// <summary>False (and the response written) when the request is not a gRPC request over HTTP/2.</summary>
    public static async Task<bool> IsServableAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            // PROTOCOL-HTTP2: a content-type other than application/grpc gets HTTP 415.
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            response.ContentType = "text/plain";
            await response.WriteAsync("Content-Type must be application/grpc or application/grpc+proto.");
            return false;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            response.StatusCode = StatusCodes.Status426UpgradeRequired;
            response.Headers.Upgrade = "h2c";
            response.ContentType = GrpcProtocol.ContentType;
            response.Headers[GrpcProtocol.StatusHeader] = ((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode($"gRPC needs HTTP/2; the request came over {request.Protocol}.");
            return false;
        }

        return true;
    }

    /// <summary>UNIMPLEMENTED, with the encodings this server reads, for a request encoding it cannot read.</summary>
    public static void ThrowIfUnsupportedEncoding(HttpRequest request)
    {
        var encoding = request.Headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length == 0
            || encoding.Equals(GrpcProtocol.Identity, StringComparison.OrdinalIgnoreCase)
            || encoding.Equals(GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        throw new RpcException(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'; this server reads {GrpcProtocol.SupportedEncodings}.");
    }
}

