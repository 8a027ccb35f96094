using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace AxisEmulator.Lab.Arp;

/// <summary>
/// A raw AF_PACKET socket for ARP on one interface of a lab namespace: made inside the namespace
/// (a socket keeps the namespace it was born in) and bound to the interface with a sockaddr_ll,
/// which .NET has no endpoint type for, hence bind(2) called directly.
/// </summary>
internal sealed partial class ArpSocket : IDisposable
{
    private const ushort PacketFamily = 17; // AF_PACKET
    private readonly Socket _socket;

    private ArpSocket(Socket socket) => _socket = socket;

    public static ArpSocket Open(string networkNamespace, string interfaceName) =>
        NetworkNamespace.Create(networkNamespace, () =>
        {
            var protocol = BinaryPrimitives.ReverseEndianness(ArpFrame.EtherTypeArp);
            var socket = new Socket(AddressFamily.Packet, SocketType.Raw, (ProtocolType)protocol);
            try
            {
                var index = InterfaceIndex.Of(interfaceName);
                Span<byte> address = stackalloc byte[20];
                BinaryPrimitives.WriteUInt16LittleEndian(address, PacketFamily);
                BinaryPrimitives.WriteUInt16LittleEndian(address[2..], protocol);
                BinaryPrimitives.WriteInt32LittleEndian(address[4..], index);
                if (Bind(socket.SafeHandle, address, address.Length) != 0)
                {
                    throw new IOException($"binding an ARP socket to {interfaceName} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
                }

                return new ArpSocket(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        });

    public async Task SendAsync(ArpFrame frame) => await _socket.SendAsync(frame.Encode(), SocketFlags.None);

    /// <summary>The next ARP packet heard on the interface (frames of other kinds are skipped).</summary>
    public async Task<ArpFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1600];
        while (true)
        {
            var length = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (ArpFrame.Parse(buffer.AsSpan(0, length)) is { } frame)
            {
                return frame;
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    private static partial int Bind(SafeHandle socket, ReadOnlySpan<byte> address, int length);
}
