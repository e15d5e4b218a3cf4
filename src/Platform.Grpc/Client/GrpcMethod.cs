using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Platform.Grpc.Client;

public enum MethodType
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}

/// <summary>A method to call: its path and call type, and how its responses are parsed.</summary>
public sealed class GrpcMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>, new()
{
    internal GrpcMethod(string service, string name, MethodType type)
    {
        ServiceName = service;
        Name = name;
        Type = type;
        Path = $"/{service}/{name}";
    }

    public string ServiceName { get; }

    public string Name { get; }

    /// <summary>The HTTP/2 path, <c>/package.Service/Method</c>.</summary>
    public string Path { get; }

    public MethodType Type { get; }

    internal MessageParser<TResponse> ResponseParser { get; } = new(() => new TResponse());
}

/// <summary>Makes <see cref="GrpcMethod{TRequest, TResponse}"/> handles.</summary>
public static class GrpcMethod
{
    /// <summary>The method as its generated descriptor describes it, checked against the message types.</summary>
    public static GrpcMethod<TRequest, TResponse> From<TRequest, TResponse>(MethodDescriptor method)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(method);
        var response = new TResponse().Descriptor;
        if (method.OutputType.FullName != response.FullName)
        {
            throw new ArgumentException($"{method.FullName} returns {method.OutputType.FullName}, not {response.FullName}.", nameof(method));
        }

        var type = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
        return new GrpcMethod<TRequest, TResponse>(method.Service.FullName, method.Name, type);
    }

    /// <summary>A method by name, for services whose descriptor is not at hand.</summary>
    public static GrpcMethod<TRequest, TResponse> Create<TRequest, TResponse>(MethodType type, string service, string name)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new GrpcMethod<TRequest, TResponse>(service, name, type);
    }
}
