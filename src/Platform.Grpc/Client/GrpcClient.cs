using System.Net;
using Google.Protobuf;

namespace Platform.Grpc.Client;

/// <summary>
/// Calls gRPC services over an <see cref="HttpClient"/> speaking HTTP/2 (h2c for <c>http://</c>
/// addresses). <code>
/// var client = GrpcClient.Create(new Uri("http://127.0.0.1:5081"), new GrpcClientOptions { AccessTokenProvider = tokens.GetAsync });
/// var whoAmI = GrpcMethod.From&lt;WhoAmIRequest, WhoAmIResponse&gt;(ProviderIdentityReflection.Descriptor.Services[0].Methods[0]);
/// var me = await client.UnaryAsync(whoAmI, new WhoAmIRequest(), new CallOptions { Timeout = TimeSpan.FromSeconds(5) });
/// </code>
/// </summary>
public sealed class GrpcClient(HttpClient httpClient, GrpcClientOptions? options = null)
{
    private readonly GrpcClientOptions _options = options ?? new GrpcClientOptions();

    /// <summary>
    /// A client with its own connection pool: several HTTP/2 connections when one is full, no
    /// HttpClient timeout (deadlines are per call), keep-alive pings on idle connections.
    /// </summary>
    public static GrpcClient Create(Uri address, GrpcClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        };
        var http = new HttpClient(handler) { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan, DefaultRequestVersion = HttpVersion.Version20 };
        return new GrpcClient(http, options);
    }

    public HttpClient HttpClient { get; } = httpClient ?? throw new ArgumentNullException(nameof(httpClient));

    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        (await UnaryWithMetadataAsync(method, request, options)).Message;

    /// <summary>A unary call, returning the response headers and trailers with the message.</summary>
    public async Task<GrpcResponse<TResponse>> UnaryWithMetadataAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var call = Start(method, MethodType.Unary, options, request);
        var message = await call.ResponseAsync;
        return new GrpcResponse<TResponse>(message, await call.ResponseHeadersAsync, call.Trailers);
    }

    public GrpcCall<TRequest, TResponse> ServerStreaming<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        return Start(method, MethodType.ServerStreaming, options, request);
    }

    public GrpcCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        Start(method, MethodType.ClientStreaming, options, request: null);

    public GrpcCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new() =>
        Start(method, MethodType.DuplexStreaming, options, request: null);

    private GrpcCall<TRequest, TResponse> Start<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, MethodType expected, CallOptions? options, TRequest? request)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.Type != expected)
        {
            throw new ArgumentException($"{method.Path} is a {method.Type} method, not {expected}.", nameof(method));
        }

        return new GrpcCall<TRequest, TResponse>(HttpClient, method, _options, options ?? new CallOptions(), request);
    }
}
