using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AxisEmulator.Vapix.Hosting;

namespace AxisEmulator.Hosting;

/// <summary>
/// Before serving: the fixed ports of the base-port ranges (HTTP and HTTPS) can be bound. A device's
/// listener opens only once its network is up, so without this a port held by another program would
/// show up half a minute later as a log entry and a camera nobody can reach.
/// </summary>
internal static class DevicePortCheck
{
    /// <summary>Throws <see cref="IOException"/> (one line) for the first fixed port of the first <paramref name="devices"/> devices that is taken.</summary>
    public static void ThrowIfTaken(ListenerLayout layout, int devices)
    {
        if (layout.SharedPort is not null || layout.Place is not null)
        {
            return; // own addresses (127.0.x.y, the lab's namespaces): nothing else binds there
        }

        var address = layout.BindAddress ?? IPAddress.Loopback;
        for (var n = 1; n <= devices; n++)
        {
            Check(address, layout.BasePort, n, "HTTP", "--device-base-port");
            Check(address, layout.HttpsBasePort, n, "HTTPS", "--device-https-base-port");
        }
    }

    private static void Check(IPAddress address, int basePort, int n, string scheme, string option)
    {
        if (basePort == 0)
        {
            return;
        }

        var port = basePort + n - 1;
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // As the listener binds (a port in TIME_WAIT is fine); a port another socket listens on is not.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException ex)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture,
                $"{scheme} port {port} of device {n} ({option} {basePort}) cannot be bound on {address}: {ex.SocketErrorCode}; free it or choose another base port (0 picks free ports)"), ex);
        }
    }
}
