using System.Net;
using System.Net.Sockets;

namespace AxisEmulator.Lab.Discovery;

/// <summary>
/// A discovery protocol's UDP socket in a camera's namespace: bound to the group's port, a member of
/// the group on one interface, sending there with TTL 255 and without hearing itself.
/// </summary>
internal static class MulticastSocket
{
    public static Socket Open(string networkNamespace, string interfaceName, IPEndPoint group) =>
        NetworkNamespace.Create(networkNamespace, () => Open(interfaceName, group));

    private static Socket Open(string interfaceName, IPEndPoint group)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            var index = InterfaceIndex.Of(interfaceName);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(IPAddress.Any, group.Port));
            // By interface index: the namespace has no route a group could be looked up by.
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(group.Address, index));
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface, IPAddress.HostToNetworkOrder(index));
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255);
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
