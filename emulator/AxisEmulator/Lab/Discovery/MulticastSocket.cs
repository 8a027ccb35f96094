using System.Net;
using System.Net.Sockets;

namespace AxisEmulator.Lab.Discovery;

/// <summary>
/// The UDP socket a discovery protocol listens on in a camera's (or the client's) namespace: bound
/// to the protocol's port on every address, joined to its group on one interface, sending there.
/// </summary>
internal static class MulticastSocket
{
    /// <summary>Opens it inside <paramref name="networkNamespace"/>; the socket stays in that namespace.</summary>
    public static Socket Open(string networkNamespace, string interfaceName, IPEndPoint group, int timeToLive = 255) =>
        NetworkNamespace.Create(networkNamespace, () => OpenHere(interfaceName, group, timeToLive));

    private static Socket OpenHere(string interfaceName, IPEndPoint group, int timeToLive)
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
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, timeToLive);
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
