using System.Net;
using System.Net.Sockets;

namespace Platform.LocalInfrastructure;

internal static class FreePort
{
    // The kernel may hand a just-released port out again; one process never gives the same port twice.
    private static readonly HashSet<int> s_handedOut = [];

    /// <summary>A loopback port nobody listens on right now, chosen by the kernel.</summary>
    public static int Next()
    {
        lock (s_handedOut)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (s_handedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
