using System.IO.Compression;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Platform.Grpc.Protocol;

namespace Platform.Grpc.Client;

/// <summary>
/// One call in flight. Request-streaming calls write with <see cref="WriteAsync"/> and end their
/// stream with <see cref="CompleteRequestAsync"/>; server-streaming calls read with
/// <see cref="ReadAllAsync"/>, single-response calls with <see cref="ResponseAsync"/>. Every failure
/// surfaces as an <see cref="RpcException"/>. Disposing an unfinished call cancels it.
/// </summary>
public sealed partial class GrpcCall<TRequest, TResponse> : IAsyncDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>, new()
{
    private readonly HttpClient _http;
    private readonly GrpcMethod<TRequest, TResponse> _method;
    private readonly GrpcClientOptions _options;
    private readonly CallOptions _callOptions;
    private readonly CancellationTokenSource _cancellation = new();
    private readonly CancellationTokenRegistration _callerRegistration;
    private readonly StreamingRequestContent? _requestStream;
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task<HttpResponseMessage> _send;
    private readonly DateTimeOffset? _deadline;
    private MessageReader? _reader;
    private RpcException? _trailersOnlyFailure;
    private bool _trailersOnly;
    private bool _ended;
    private bool _cancelledByCaller;
    private Task<TResponse>? _single;

    internal GrpcCall(HttpClient http, GrpcMethod<TRequest, TResponse> method, GrpcClientOptions options, CallOptions callOptions, TRequest? request)
    {
        _http = http;
        _method = method;
        _options = options;
        _callOptions = callOptions;
        _callerRegistration = callOptions.CancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).CancelByCaller(), this);
        _deadline = callOptions.EffectiveDeadline(DateTimeOffset.UtcNow);
        if (request is null)
        {
            _requestStream = new StreamingRequestContent();
        }

        _send = StartAsync(request);
    }

    /// <summary>The response headers (custom metadata), once they arrive.</summary>
    public Task<Metadata> ResponseHeadersAsync => _headers.Task;

    /// <summary>The trailing metadata; complete once the response has been read to its end.</summary>
    public Metadata Trailers { get; private set; } = new();

    /// <summary>The status the call ended with; null while it runs.</summary>
    public StatusCode? Status { get; private set; }

    /// <summary>The single response of a unary or client-streaming call.</summary>
    public Task<TResponse> ResponseAsync => _single ??= ReadSingleAsync();

    /// <summary>Sends one request message. Writes must not overlap.</summary>
    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var content = _requestStream ?? throw new InvalidOperationException($"{_method.Path} takes a single request, given when the call was made.");
        var frame = MessageWriter.ToFrame(message, _options.MaxSendMessageSize, _options.CompressRequests ? CompressionLevel.Fastest : null, "request");
        using var registration = Link(cancellationToken);
        try
        {
            // The server may answer before it reads a thing (an authorization failure, say): then its status is the answer.
            if (await Task.WhenAny(content.Stream, _send) == _send && !content.Stream.IsCompleted)
            {
                await _send;
                throw _trailersOnlyFailure ?? new RpcException(StatusCode.Internal, "The server ended the call before reading the request stream.");
            }

            var stream = await content.Stream;
            await stream.WriteAsync(frame, _cancellation.Token);
            await stream.FlushAsync(_cancellation.Token);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw _send.IsCompletedSuccessfully && _trailersOnlyFailure is { } failure ? failure : Translate(e);
        }
    }

    /// <summary>Ends the request stream: the server's reader sees its end.</summary>
    public Task CompleteRequestAsync()
    {
        (_requestStream ?? throw new InvalidOperationException($"{_method.Path} has no request stream.")).Complete();
        return Task.CompletedTask;
    }

    /// <summary>Every response message, then the status: a status other than OK is thrown at the end.</summary>
    public async IAsyncEnumerable<TResponse> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var registration = Link(cancellationToken);
        while (await ReadNextAsync() is { } message)
        {
            yield return message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ended)
        {
            await _cancellation.CancelAsync();
        }

        _requestStream?.Abort();
        await _callerRegistration.DisposeAsync();
        try
        {
            (await _send).Dispose();
        }
        catch (RpcException)
        {
            // Already reported to whoever awaited the call.
        }

        _cancellation.Dispose();
    }

    private async Task<TResponse> ReadSingleAsync()
    {
        var message = await ReadNextAsync()
            ?? throw new RpcException(StatusCode.Internal, "The server ended the call without a response message.");
        if (await ReadNextAsync() is not null)
        {
            throw new RpcException(StatusCode.Internal, "The server sent more than one response message to a single-response call.");
        }

        return message;
    }

    private async ValueTask<TResponse?> ReadNextAsync()
    {
        var response = await _send;
        if (_ended)
        {
            return null;
        }

        if (_trailersOnly)
        {
            End(StatusCode.OK, MetadataHeaders.FromHeaders(response.Headers));
            return _trailersOnlyFailure is null ? null : throw _trailersOnlyFailure;
        }

        try
        {
            if (await _reader!.ReadAsync(_method.ResponseParser, _cancellation.Token) is { } message)
            {
                return message;
            }
        }
        catch (Exception e) when (e is not RpcException || _cancellation.IsCancellationRequested)
        {
            throw Translate(e);
        }

        var failure = ClientStatus.FromMetadata(response.TrailingHeaders, out var code)
            ?? (code is null ? new RpcException(StatusCode.Internal, "The response ended without a grpc-status trailer.") : null);
        End(failure?.StatusCode ?? StatusCode.OK, MetadataHeaders.FromHeaders(response.TrailingHeaders));
        return failure is null ? null : throw failure;
    }

    private void End(StatusCode code, Metadata trailers)
    {
        _ended = true;
        Status = code;
        Trailers = trailers;
    }

    private RpcException Translate(Exception exception)
    {
        if (_cancellation.IsCancellationRequested && exception is OperationCanceledException or IOException or HttpRequestException)
        {
            return _cancelledByCaller
                ? new RpcException(StatusCode.Cancelled, "Call cancelled by the client.", null, null, exception)
                : new RpcException(StatusCode.DeadlineExceeded, "Deadline Exceeded", null, null, exception);
        }

        if (exception is RpcException rpc)
        {
            return rpc;
        }

        var code = ClientStatus.FromTransport(exception) ?? StatusCode.Unknown;
        return new RpcException(code, $"Error in gRPC call {_method.Path}: {exception.GetType().Name}: {exception.Message}", null, null, exception);
    }

    private void CancelByCaller()
    {
        _cancelledByCaller = true;
        _cancellation.Cancel();
    }

    private CancellationTokenRegistration Link(CancellationToken cancellationToken) =>
        cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).CancelByCaller(), this);
}
