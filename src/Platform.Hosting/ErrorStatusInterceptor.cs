using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Platform.Hosting;

/// <summary>
/// Turns an unexpected exception into INTERNAL with a fixed message: the caller learns the call failed
/// on the server, never the exception's text, and the log keeps the whole exception. A transient database
/// failure becomes ABORTED or UNAVAILABLE instead (<see cref="TransientFailures"/>), so the caller sends the call
/// again. RpcExceptions (validation, NotFound, ...) and cancellations by the caller pass unchanged.
/// </summary>
internal sealed partial class ErrorStatusInterceptor(ILogger<ErrorStatusInterceptor> logger) : Interceptor
{
    public const string FailureDetail = "Exception was thrown by handler.";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (IsUnexpected(e, context))
        {
            throw Failed(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (IsUnexpected(e, context))
        {
            throw Failed(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (IsUnexpected(e, context))
        {
            throw Failed(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (IsUnexpected(e, context))
        {
            throw Failed(e, context);
        }
    }

    // A call the client cancelled or that ran past its deadline already has its status; the framework reports it.
    private static bool IsUnexpected(Exception e, ServerCallContext context) =>
        e is not RpcException && !(e is OperationCanceledException or IOException && context.CancellationToken.IsCancellationRequested);

    private RpcException Failed(Exception e, ServerCallContext context)
    {
        if (TransientFailures.GrpcStatusFor(e) is { } retryable)
        {
            LogTransient(logger, e, context.Method, retryable.StatusCode);
            return new RpcException(retryable);
        }

        LogFailed(logger, e, context.Method);
        return new RpcException(new Status(StatusCode.Internal, FailureDetail));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC method {Method} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "gRPC method {Method} failed on a transient database error; answered {Status}")]
    private static partial void LogTransient(ILogger logger, Exception exception, string method, StatusCode status);
}
