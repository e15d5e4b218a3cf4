using System.IO.Compression;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Platform.Grpc.Protocol;

namespace Platform.Grpc.Server;

// The call's mechanics: reading requests, writing responses, ending with a status exactly once.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The dispatcher that creates a call releases it; a handler must not end its own context.")]
public sealed partial class ServerCallContext
{
    private static readonly string[] StatusValues = [.. Enumerable.Range(0, 17).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private readonly GrpcServerOptions _options;
    private readonly CancellationToken _requestAborted;
    private readonly MessageReader _reader;
    private readonly CompressionLevel? _responseGzip;
    private Metadata? _requestHeaders;

    // Only a call with a deadline needs these: its timer may end the call while a handler is
    // writing, so writes then take the lock; without one, the handler's own flow is the only writer.
    private CancellationTokenSource? _cancellation;
    private SemaphoreSlim? _writeLock;
    private CancellationTokenRegistration _deadlineRegistration;
    private TaskCompletionSource? _deadlinePassed;
    private bool _headersPrepared;
    private bool _finished;

    internal ServerCallContext(HttpContext httpContext, string method, GrpcServerOptions options)
    {
        HttpContext = httpContext;
        Method = method;
        _options = options;
        _requestAborted = httpContext.RequestAborted;
        var request = httpContext.Request;
        _reader = new MessageReader(request.BodyReader, options.MaxReceiveMessageSize, request.Headers[GrpcProtocol.EncodingHeader], "request");
        if (string.Equals(options.ResponseCompression, GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase)
            && GrpcProtocol.AcceptsGzip(request.Headers[GrpcProtocol.AcceptEncodingHeader]))
        {
            _responseGzip = options.ResponseCompressionLevel;
        }
    }

    internal bool DeadlineExceeded { get; private set; }

    /// <summary>Completes when the deadline passes; null when the call has none.</summary>
    internal Task? DeadlinePassed => _deadlinePassed?.Task;

    internal bool ClientCancelled => _requestAborted.IsCancellationRequested;

    /// <summary>The caller's custom metadata (request headers; <c>-bin</c> values decoded), including <c>authorization</c>.</summary>
    public Metadata RequestHeaders => _requestHeaders ??= MetadataHeaders.FromHeaders(HttpContext.Request.Headers);

    /// <summary>Fires when the deadline passes or the client cancels (the HTTP/2 stream is reset).</summary>
    public CancellationToken CancellationToken => _cancellation?.Token ?? _requestAborted;

    internal void StartDeadline(TimeSpan timeout)
    {
        Deadline = DateTimeOffset.UtcNow + timeout;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(_requestAborted);
        _writeLock = new SemaphoreSlim(1, 1);
        _deadlinePassed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _deadlineRegistration = _cancellation.Token.UnsafeRegister(static state =>
        {
            var call = (ServerCallContext)state!;
            if (!call._requestAborted.IsCancellationRequested)
            {
                call.DeadlineExceeded = true;
                call._deadlinePassed!.TrySetResult();
            }
        }, this);

        // Beyond about 24 days a timer cannot be set, and no caller waits that long.
        if (timeout.TotalMilliseconds < int.MaxValue)
        {
            _cancellation.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero);
        }
    }

    internal async Task<T> ReadSingleRequestAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var message = await _reader.ReadAsync(parser, CancellationToken)
            ?? throw new RpcException(StatusCode.Internal, "The request ended without a message.");
        await _reader.ReadEndAsync(CancellationToken);
        return message;
    }

    internal async IAsyncEnumerable<T> ReadRequestStreamAsync<T>(MessageParser<T> parser, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IMessage<T>
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, CancellationToken)
            : null;
        var token = linked?.Token ?? CancellationToken;
        while (await _reader.ReadAsync(parser, token) is { } message)
        {
            yield return message;
        }
    }

    internal async Task WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken = default)
    {
        await LockAsync();
        try
        {
            ThrowIfFinished();
            cancellationToken.ThrowIfCancellationRequested();
            PrepareHeaders();
            var response = HttpContext.Response;
            MessageWriter.Write(response.BodyWriter, message, _options.MaxSendMessageSize, _responseGzip, "response");
            if (flush)
            {
                await response.BodyWriter.FlushAsync(CancellationToken);
            }
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    /// <summary>Sends the response headers (with <see cref="ResponseHeaders"/>) now, before any message.</summary>
    public async Task WriteResponseHeadersAsync()
    {
        await LockAsync();
        try
        {
            ThrowIfFinished();
            PrepareHeaders();
            await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken);
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    /// <summary>
    /// Ends the call with a status: in the trailers after what was sent, or, when nothing was,
    /// as a trailers-only response (the status in the only HEADERS frame). Later calls do nothing.
    /// </summary>
    internal async Task FinishAsync(StatusCode code, string? detail, IReadOnlyList<FieldViolation>? violations = null, Metadata? trailers = null, bool complete = false)
    {
        await LockAsync();
        try
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
            var response = HttpContext.Response;
            var trailersOnly = !_headersPrepared;
            if (trailersOnly)
            {
                response.ContentType = GrpcProtocol.ContentType;
                response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
                MetadataHeaders.WriteTo(ResponseHeaders, response.Headers);
            }

            void Trailer(string name, string value)
            {
                if (trailersOnly)
                {
                    response.Headers.Append(name, value);
                }
                else
                {
                    response.AppendTrailer(name, value);
                }
            }

            foreach (var entry in ResponseTrailers)
            {
                Trailer(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }

            foreach (var entry in trailers ?? [])
            {
                Trailer(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }

            Trailer(GrpcProtocol.StatusHeader, StatusValues[(int)code is >= 0 and <= 16 ? (int)code : (int)StatusCode.Unknown]);
            if (!string.IsNullOrEmpty(detail))
            {
                Trailer(GrpcProtocol.MessageHeader, PercentEncoding.Encode(detail));
            }

            if (violations is { Count: > 0 })
            {
                Trailer(GrpcProtocol.StatusDetailsHeader, Convert.ToBase64String(StatusDetails.Encode(code, detail ?? "", violations)).TrimEnd('='));
            }

            if (complete)
            {
                await response.CompleteAsync();
            }
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    private Task LockAsync() => _writeLock?.WaitAsync(CancellationToken.None) ?? Task.CompletedTask;

    private void PrepareHeaders()
    {
        if (_headersPrepared)
        {
            return;
        }

        _headersPrepared = true;
        var response = HttpContext.Response;
        response.ContentType = GrpcProtocol.ContentType;
        var headers = response.Headers;
        headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
        if (_responseGzip is not null)
        {
            headers[GrpcProtocol.EncodingHeader] = GrpcProtocol.Gzip;
        }

        MetadataHeaders.WriteTo(ResponseHeaders, headers);
    }

    private void ThrowIfFinished()
    {
        if (_finished)
        {
            throw DeadlineExceeded
                ? new RpcException(StatusCode.DeadlineExceeded, "The deadline has passed; the call has ended.")
                : new InvalidOperationException("The call has already ended.");
        }
    }

    /// <summary>Called once the call has ended and its handler has returned.</summary>
    internal void ReleaseResources()
    {
        _deadlineRegistration.Dispose();
        _cancellation?.Dispose();
        _writeLock?.Dispose();
    }
}
