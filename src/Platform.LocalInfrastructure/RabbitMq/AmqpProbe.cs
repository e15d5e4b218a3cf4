using System.Net;
using System.Net.Sockets;

namespace Platform.LocalInfrastructure;

/// <summary>Asks a port whether an AMQP 0-9-1 broker is accepting connections there.</summary>
internal static class AmqpProbe
{
    private static readonly byte[] s_protocolHeader = [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 0, 0, 9, 1];
    private const byte MethodFrame = 1;

    /// <summary>
    /// True when the broker answers the protocol header with a method frame (Connection.Start).
    /// The broker opens its listener only at the end of its boot, so this means ready.
    /// </summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(s_protocolHeader, timeout.Token);
            var frameType = new byte[1];
            var read = await stream.ReadAsync(frameType, timeout.Token);
            return read == 1 && frameType[0] == MethodFrame;
        }
        catch (Exception exception) when (exception is SocketException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
