using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Platform.Grpc.Server;

/// <summary>
/// Binds handlers to the methods of one service descriptor. Each binding is checked against the
/// descriptor: the method must exist, with the same request and response types and call type.
/// Methods left unbound answer UNIMPLEMENTED.
/// </summary>
public sealed class GrpcServiceBuilder
{
    private readonly Dictionary<string, MethodInvoker> _methods = new(StringComparer.Ordinal);

    internal GrpcServiceBuilder(ServiceDescriptor descriptor) => Descriptor = descriptor;

    public ServiceDescriptor Descriptor { get; }

    internal List<string> Policies { get; } = [];

    internal IReadOnlyDictionary<string, MethodInvoker> Methods => _methods;

    /// <summary>Every method of the service requires these authorization policies (and so an authenticated caller).</summary>
    public GrpcServiceBuilder RequireAuthorization(params string[] policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Policies.AddRange(policies);
        return this;
    }

    public GrpcMethodBuilder Unary<TRequest, TResponse>(string method, Func<TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        var descriptor = Find<TRequest, TResponse>(method, clientStreaming: false, serverStreaming: false);
        return Add(new UnaryInvoker<TRequest, TResponse>(descriptor, handler));
    }

    public GrpcMethodBuilder ServerStreaming<TRequest, TResponse>(string method, Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        var descriptor = Find<TRequest, TResponse>(method, clientStreaming: false, serverStreaming: true);
        return Add(new ServerStreamingInvoker<TRequest, TResponse>(descriptor, handler));
    }

    public GrpcMethodBuilder ClientStreaming<TRequest, TResponse>(string method, Func<IAsyncEnumerable<TRequest>, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        var descriptor = Find<TRequest, TResponse>(method, clientStreaming: true, serverStreaming: false);
        return Add(new ClientStreamingInvoker<TRequest, TResponse>(descriptor, handler));
    }

    public GrpcMethodBuilder DuplexStreaming<TRequest, TResponse>(
        string method, Func<IAsyncEnumerable<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(handler);
        var descriptor = Find<TRequest, TResponse>(method, clientStreaming: true, serverStreaming: true);
        return Add(new DuplexStreamingInvoker<TRequest, TResponse>(descriptor, handler));
    }

    private GrpcMethodBuilder Add(MethodInvoker invoker)
    {
        if (!_methods.TryAdd(invoker.Method.Name, invoker))
        {
            throw new InvalidOperationException($"{invoker.Method.FullName} is bound twice.");
        }

        return new GrpcMethodBuilder(invoker);
    }

    private MethodDescriptor Find<TRequest, TResponse>(string name, bool clientStreaming, bool serverStreaming)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = Descriptor.FindMethodByName(name)
            ?? throw new InvalidOperationException($"Service {Descriptor.FullName} has no method '{name}'.");
        if (method.IsClientStreaming != clientStreaming || method.IsServerStreaming != serverStreaming)
        {
            throw new InvalidOperationException(
                $"{method.FullName} is {Describe(method.IsClientStreaming, method.IsServerStreaming)}, not {Describe(clientStreaming, serverStreaming)}.");
        }

        CheckType(method, "request", method.InputType, new TRequest().Descriptor);
        CheckType(method, "response", method.OutputType, new TResponse().Descriptor);
        return method;
    }

    private static void CheckType(MethodDescriptor method, string role, MessageDescriptor expected, MessageDescriptor actual)
    {
        if (expected.FullName != actual.FullName)
        {
            throw new InvalidOperationException($"{method.FullName} takes {expected.FullName} as its {role}, not {actual.FullName}.");
        }
    }

    private static string Describe(bool clientStreaming, bool serverStreaming) => (clientStreaming, serverStreaming) switch
    {
        (false, false) => "unary",
        (false, true) => "server streaming",
        (true, false) => "client streaming",
        _ => "bidirectional streaming",
    };
}

/// <summary>Per-method settings of a bound method.</summary>
public sealed class GrpcMethodBuilder
{
    private readonly MethodInvoker _invoker;

    internal GrpcMethodBuilder(MethodInvoker invoker) => _invoker = invoker;

    public MethodDescriptor Descriptor => _invoker.Method;

    /// <summary>This method requires these policies too, on top of the service's.</summary>
    public GrpcMethodBuilder RequireAuthorization(params string[] policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _invoker.Policies.AddRange(policies);
        return this;
    }

    /// <summary>This method needs no authenticated caller, whatever the service requires.</summary>
    public GrpcMethodBuilder AllowAnonymous()
    {
        _invoker.AllowAnonymous = true;
        return this;
    }
}
