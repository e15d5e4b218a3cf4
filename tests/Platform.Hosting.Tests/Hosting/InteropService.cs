using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Authorization;
using Platform.Hosting.Results;
using Platform.Hosting.Tests.Contracts;

namespace Platform.Hosting.Tests.Hosting;

/// <summary>Our implementation of the test-only Interop service, on its generated base class.</summary>
internal sealed class InteropService(SlowCalls slowCalls) : Interop.InteropBase
{
    public const string ReaderPolicy = "interop-reader";
    public const string ReaderRole = "interop-reader";
    public const string Path = "/platform.testing.v1.Interop/";

    public override async Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        var headers = new Metadata();
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            if (entry.IsBinary)
            {
                context.ResponseTrailers.Add("x-trailer-bin", entry.ValueBytes);
            }

            headers.Add(entry);
        }

        await context.WriteResponseHeadersAsync(headers);
        context.ResponseTrailers.Add("x-trailer", "done");
        return new EchoReply
        {
            Text = request.Text,
            Payload = request.ReplySize > 0 ? ByteString.CopyFrom(new byte[request.ReplySize]) : request.Payload,
        };
    }

    [Authorize(Policy = ReaderPolicy)]
    public override Task<EchoReply> Secret(EchoRequest request, ServerCallContext context) => Echo(request, context);

    public override async Task Count(CountRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var payload = ByteString.CopyFrom(new byte[request.PayloadSize]);
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Payload = payload, Index = i }, context.CancellationToken);
        }
    }

    public override async Task<Total> Sum(IAsyncStreamReader<Number> requestStream, ServerCallContext context)
    {
        var total = new Total();
        await foreach (var number in requestStream.ReadAllAsync(context.CancellationToken))
        {
            total.Sum += number.Value;
            total.Count++;
        }

        return total;
    }

    public override async Task Chat(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var index = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Payload = request.Payload, Index = index++ });
        }
    }

    public override async Task<EchoReply> Slow(SlowRequest request, ServerCallContext context)
    {
        var call = slowCalls.For(request.Id);
        call.Deadline.TrySetResult(context.Deadline == DateTime.MaxValue ? null : new DateTimeOffset(context.Deadline));
        using var registration = context.CancellationToken.Register(() => call.TokenFired.TrySetResult());
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return new EchoReply();
    }

    public override Task<EchoReply> Fail(FailRequest request, ServerCallContext context)
    {
        if (request.CrashWith.Length > 0)
        {
            throw new InvalidOperationException(request.CrashWith);
        }

        if (request.InvalidFields.Count > 0)
        {
            throw request.InvalidFields.Select(f => new FieldViolation(f, $"{f} is not valid.")).ToRpcException(request.Detail);
        }

        throw new RpcException(new Status((StatusCode)request.Code, request.Detail));
    }
}

/// <summary>What the Slow handler observed, per call id: the deadline it saw and whether its token fired.</summary>
internal sealed class SlowCalls
{
    private readonly ConcurrentDictionary<string, SlowCall> _calls = new(StringComparer.Ordinal);

    public SlowCall For(string id) => _calls.GetOrAdd(id, _ => new SlowCall());
}

internal sealed class SlowCall
{
    public TaskCompletionSource<DateTimeOffset?> Deadline { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource TokenFired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
