using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.AspNetCore.Routing;
using Platform.Grpc.Server;
using Platform.Grpc.Tests.Interop;

namespace Platform.Grpc.Tests.Hosting;

/// <summary>Our implementation of the test-only Interop service.</summary>
internal static class InteropService
{
    public const string ReaderPolicy = "interop-reader";
    public const string ReaderRole = "interop-reader";
    public const string Path = "/platform.testing.v1.Interop/";

    public static void Map(IEndpointRouteBuilder endpoints, SlowCalls slowCalls) =>
        endpoints.MapGrpcService(InteropReflection.Descriptor.Services[0], service =>
        {
            service.Unary<EchoRequest, EchoReply>("Echo", EchoAsync);
            service.ServerStreaming<CountRequest, EchoReply>("Count", CountAsync);
            service.ClientStreaming<Number, Total>("Sum", SumAsync);
            service.DuplexStreaming<EchoRequest, EchoReply>("Chat", ChatAsync);
            service.Unary<SlowRequest, EchoReply>("Slow", (request, context) => SlowAsync(request, context, slowCalls));
            service.Unary<FailRequest, EchoReply>("Fail", FailAsync);
            service.Unary<EchoRequest, EchoReply>("Secret", EchoAsync).RequireAuthorization(ReaderPolicy);
        });

    private static Task<EchoReply> EchoAsync(EchoRequest request, ServerCallContext context)
    {
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            if (entry.IsBinary)
            {
                context.ResponseHeaders.Add(entry.Key, entry.ValueBytes!);
                context.ResponseTrailers.Add("x-trailer-bin", entry.ValueBytes!);
            }
            else
            {
                context.ResponseHeaders.Add(entry.Key, entry.Value!);
            }
        }

        context.ResponseTrailers.Add("x-trailer", "done");
        return Task.FromResult(new EchoReply
        {
            Text = request.Text,
            Payload = request.ReplySize > 0 ? ByteString.CopyFrom(new byte[request.ReplySize]) : request.Payload,
        });
    }

    private static async Task CountAsync(CountRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        var payload = ByteString.CopyFrom(new byte[request.PayloadSize]);
        for (var i = 0; i < request.Count; i++)
        {
            await responses.WriteAsync(new EchoReply { Text = request.Text, Payload = payload, Index = i }, context.CancellationToken);
        }
    }

    private static async Task<Total> SumAsync(IAsyncEnumerable<Number> numbers, ServerCallContext context)
    {
        var total = new Total();
        await foreach (var number in numbers)
        {
            total.Sum += number.Value;
            total.Count++;
        }

        return total;
    }

    private static async Task ChatAsync(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        var index = 0;
        await foreach (var request in requests)
        {
            await responses.WriteAsync(new EchoReply { Text = request.Text, Payload = request.Payload, Index = index++ });
        }
    }

    private static async Task<EchoReply> SlowAsync(SlowRequest request, ServerCallContext context, SlowCalls slowCalls)
    {
        var call = slowCalls.For(request.Id);
        call.Deadline.TrySetResult(context.Deadline);
        using var registration = context.CancellationToken.Register(() => call.TokenFired.TrySetResult());
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return new EchoReply();
    }

    private static Task<EchoReply> FailAsync(FailRequest request, ServerCallContext context)
    {
        if (request.CrashWith.Length > 0)
        {
            throw new InvalidOperationException(request.CrashWith);
        }

        var validation = new RequestValidation();
        foreach (var field in request.InvalidFields)
        {
            validation.Add(field, $"{field} is not valid.");
        }

        throw new RpcException((StatusCode)request.Code, request.Detail, trailers: null, validation.Violations);
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
