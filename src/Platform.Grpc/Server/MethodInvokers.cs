using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Platform.Grpc.Server;

/// <summary>A bound method: reads its requests, runs the handler, writes its responses.</summary>
internal abstract class MethodInvoker(MethodDescriptor method)
{
    public MethodDescriptor Method { get; } = method;

    public List<string> Policies { get; } = [];

    public bool AllowAnonymous { get; set; }

    public abstract Task InvokeAsync(ServerCallContext call);
}

internal sealed class UnaryInvoker<TRequest, TResponse>(
    MethodDescriptor method, Func<TRequest, ServerCallContext, Task<TResponse>> handler) : MethodInvoker(method)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    public override async Task InvokeAsync(ServerCallContext call)
    {
        var request = await call.ReadSingleRequestAsync(Parser);
        var response = await handler(request, call) ?? throw new InvalidOperationException($"{Method.FullName} returned no response.");

        // Not flushed: Kestrel sends headers, the message and the trailers together when the call ends.
        await call.WriteMessageAsync(response, flush: false);
    }
}

internal sealed class ServerStreamingInvoker<TRequest, TResponse>(
    MethodDescriptor method, Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) : MethodInvoker(method)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    public override async Task InvokeAsync(ServerCallContext call)
    {
        var request = await call.ReadSingleRequestAsync(Parser);
        await handler(request, new ResponseStreamWriter<TResponse>(call), call);
    }
}

internal sealed class ClientStreamingInvoker<TRequest, TResponse>(
    MethodDescriptor method, Func<IAsyncEnumerable<TRequest>, ServerCallContext, Task<TResponse>> handler) : MethodInvoker(method)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    public override async Task InvokeAsync(ServerCallContext call)
    {
        var response = await handler(call.ReadRequestStreamAsync(Parser), call)
            ?? throw new InvalidOperationException($"{Method.FullName} returned no response.");
        await call.WriteMessageAsync(response, flush: false);
    }
}

internal sealed class DuplexStreamingInvoker<TRequest, TResponse>(
    MethodDescriptor method, Func<IAsyncEnumerable<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) : MethodInvoker(method)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>
{
    private static readonly MessageParser<TRequest> Parser = new(() => new TRequest());

    public override Task InvokeAsync(ServerCallContext call) =>
        handler(call.ReadRequestStreamAsync(Parser), new ResponseStreamWriter<TResponse>(call), call);
}

/// <summary>A method of the service's descriptor that no handler was given for.</summary>
internal sealed class UnimplementedInvoker(MethodDescriptor method) : MethodInvoker(method)
{
    public override Task InvokeAsync(ServerCallContext call) =>
        throw new RpcException(StatusCode.Unimplemented, $"Method {Method.Name} of service {Method.Service.FullName} is unimplemented.");
}

internal sealed class ResponseStreamWriter<T>(ServerCallContext call) : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return call.WriteMessageAsync(message, flush: true, cancellationToken);
    }
}
