using System.IO.Compression;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Platform.Grpc.Protocol;

namespace Platform.Grpc.Client;

// Starting a call: the request with its protocol headers, and the response headers that tell
// whether messages follow or the status is all there is (trailers-only).
public sealed partial class GrpcCall<TRequest, TResponse>
{
    private async Task<HttpResponseMessage> StartAsync(TRequest? request)
    {
        try
        {
            var message = await CreateRequestAsync(request);
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, _cancellation.Token);
            await ReadHeadersAsync(response);
            return response;
        }
        catch (Exception e)
        {
            var failure = Translate(e);
            End(failure.StatusCode, failure.Trailers);
            _headers.TrySetException(failure);
            _requestStream?.Abort();
            throw failure;
        }
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(TRequest? request)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, _method.Path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = request is null
                ? _requestStream
                : new SingleMessageContent(MessageWriter.ToFrame(request, _options.MaxSendMessageSize, _options.CompressRequests ? CompressionLevel.Fastest : null, "request")),
        };
        var headers = message.Headers;
        headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        headers.TryAddWithoutValidation("user-agent", _options.UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (_options.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.Gzip);
        }

        if (_deadline is { } deadline)
        {
            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new RpcException(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            }

            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(remaining));
            if (remaining.TotalMilliseconds < int.MaxValue)
            {
                _cancellation.CancelAfter(remaining);
            }
        }

        if (_options.AccessTokenProvider is { } tokens && await tokens(_cancellation.Token) is { Length: > 0 } token)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (_callOptions.Headers is { } metadata)
        {
            MetadataHeaders.WriteTo(metadata, headers);
        }

        return message;
    }

    private async Task ReadHeadersAsync(HttpResponseMessage response)
    {
        var status = ClientStatus.FromMetadata(response.Headers, out var code);
        if (response.StatusCode != HttpStatusCode.OK && code is null)
        {
            throw new RpcException(ClientStatus.FromHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}.");
        }

        var headers = MetadataHeaders.FromHeaders(response.Headers);
        if (code is not null)
        {
            // Trailers-only: the status is all there is.
            _trailersOnly = true;
            _trailersOnlyFailure = status;
            _headers.TrySetResult(headers);
            return;
        }

        var contentType = response.Content.Headers.ContentType?.ToString();
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            throw new RpcException(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}.");
        }

        var encoding = response.Headers.TryGetValues(GrpcProtocol.EncodingHeader, out var encodings) ? encodings.First() : null;
        var body = await response.Content.ReadAsStreamAsync(_cancellation.Token);
        _reader = new MessageReader(PipeReader.Create(body), _options.MaxReceiveMessageSize, encoding, "response");
        _headers.TrySetResult(headers);
    }
}
