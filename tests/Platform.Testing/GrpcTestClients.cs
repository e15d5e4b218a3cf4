using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace Platform.Testing;

/// <summary>The official .NET client (Grpc.Net.Client) to a service's h2c gRPC listener, as a provider system uses it.</summary>
public static class GrpcTestClients
{
    // One channel per address, as an application keeps one: a channel owns its HTTP/2 connections.
    private static readonly ConcurrentDictionary<Uri, GrpcChannel> s_channels = new();

    public static GrpcChannel Channel(Uri address) => s_channels.GetOrAdd(address, a => GrpcChannel.ForAddress(a));

    /// <summary>Calls on <paramref name="address"/>, each carrying the token (when given) as bearer metadata.</summary>
    public static CallInvoker Invoker(Uri address, string? token)
    {
        var channel = Channel(address);
        return token is null
            ? channel.CreateCallInvoker()
            : channel.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return metadata;
            });
    }

    /// <summary>Calls on <paramref name="address"/>, each carrying a token fetched for it, for tokens that expire during a run.</summary>
    public static CallInvoker Invoker(Uri address, Func<CancellationToken, ValueTask<string?>> token) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new BearerHandler(token) }).CreateCallInvoker();

    /// <summary>The services a server lists through server reflection, as <c>grpcurl list</c> shows them.</summary>
    public static async Task<IReadOnlyList<string>> ListServicesAsync(Uri address)
    {
        using var call = new ServerReflection.ServerReflectionClient(Channel(address)).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        var services = new List<string>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            services.AddRange(response.ListServicesResponse.Service.Select(s => s.Name));
        }

        return services;
    }

    /// <summary>What <c>grpc.health.v1.Health/Check</c> answers for a service, or for the whole server when empty.</summary>
    public static async Task<HealthCheckResponse.Types.ServingStatus> HealthAsync(Uri address, string service = "") =>
        (await new Health.HealthClient(Channel(address)).CheckAsync(new HealthCheckRequest { Service = service })).Status;
}

/// <summary>Puts a fresh bearer token on every HTTP/2 request a channel sends.</summary>
internal sealed class BearerHandler(Func<CancellationToken, ValueTask<string?>> token) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await token(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
