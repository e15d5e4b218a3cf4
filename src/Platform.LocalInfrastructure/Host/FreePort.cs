using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Platform.LocalInfrastructure;

internal static class FreePort
{
    // Ports the kernel never picks as the local end of an outgoing connection are below this range.
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
    private const int LowestPort = 10000;

    // One process never gives the same port twice.
    private static readonly HashSet<int> s_handedOut = [];

    /// <summary>
    /// A loopback port nobody listens on right now, below the kernel's ephemeral range. A server that
    /// stops and starts again on its port (tests do that) would otherwise find the port taken by some
    /// outgoing connection that the kernel gave it to in between.
    /// </summary>
    public static int Next()
    {
        var (low, high) = CandidateRange();
        lock (s_handedOut)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(low, high);
                if (!s_handedOut.Contains(port) && IsFree(port))
                {
                    s_handedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {low} and {high}.");
    }

    private static (int Low, int High) CandidateRange()
    {
        var ephemeralLow = 32768;
        if (File.Exists(EphemeralRangeFile)
            && File.ReadAllText(EphemeralRangeFile).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries) is [var first, ..]
            && int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            ephemeralLow = parsed;
        }

        // A machine whose ephemeral range starts very low leaves no room below it: use the kernel's own choice then.
        return ephemeralLow - LowestPort >= 2000 ? (LowestPort, ephemeralLow) : (ephemeralLow, 65535);
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
