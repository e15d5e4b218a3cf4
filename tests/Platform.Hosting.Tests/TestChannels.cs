using Grpc.Net.Client;

namespace Platform.Hosting.Tests;

/// <summary>Channels of the official .NET client (Grpc.Net.Client) to a test server's h2c listener.</summary>
internal static class TestChannels
{
    public static GrpcChannel For(Uri address) => GrpcChannel.ForAddress(address);

    /// <summary>Metadata carrying a bearer token, as a provider system sends it.</summary>
    public static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };
}
