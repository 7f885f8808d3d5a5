using System.Net;
using System.Net.Sockets;

namespace Carlos.Tests.Infrastructure;

/// <summary>Ports nobody listens on right now; tests never assume the defaults are free.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
