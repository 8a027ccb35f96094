using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace AxisEmulator.Vapix.Hosting;

/// <summary>
/// A classic BPF socket filter (Linux) that drops TCP segments with SYN set and ACK clear: new
/// connection attempts. Attached to a listening socket just before a graceful close, it stops the
/// kernel from completing handshakes the listener would never accept, which closing the socket
/// would then reset. A dropped SYN is retried by the client a second later and meets a closed
/// port (refused) or the device back up; handshakes already under way still complete and are
/// drained. Other systems keep the small window between the last drain and the close.
/// </summary>
internal static class SynDropFilter
{
    private const int SolSocket = 1;
    private const int SoAttachFilter = 26;

    // struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }, one per ulong (little endian, as the host).
    private static readonly ulong[] Program = CreateProgram();

    /// <summary>Attaches the filter; false where it is not supported (the close is then as before).</summary>
    public static bool TryAttach(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (!OperatingSystem.IsLinux() || !BitConverter.IsLittleEndian)
        {
            return false;
        }

        // struct sock_fprog { unsigned short len; struct sock_filter *filter; }: the pointer is aligned
        // to its size. The kernel copies the program during the call; the array is pinned anyway.
        Span<byte> fprog = stackalloc byte[2 * IntPtr.Size];
        fprog.Clear();
        MemoryMarshal.Write(fprog, (ushort)Program.Length);
        MemoryMarshal.Write(fprog[IntPtr.Size..], Marshal.UnsafeAddrOfPinnedArrayElement(Program, 0));
        try
        {
            socket.SetRawSocketOption(SolSocket, SoAttachFilter, fprog);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static ulong[] CreateProgram()
    {
        var program = GC.AllocateArray<ulong>(5, pinned: true);
        // A socket filter sees a TCP segment from its TCP header: byte 13 holds the flags.
        program[0] = Instruction(0x30, 0, 0, 13);          // ldb [13]
        program[1] = Instruction(0x54, 0, 0, 0x12);        // and #(SYN|ACK)
        program[2] = Instruction(0x15, 0, 1, 0x02);        // jeq #SYN → drop, else keep
        program[3] = Instruction(0x06, 0, 0, 0);           // ret #0: drop
        program[4] = Instruction(0x06, 0, 0, 0xFFFF_FFFF); // ret #-1: keep the whole segment
        return program;
    }

    private static ulong Instruction(ushort code, byte jumpIfTrue, byte jumpIfFalse, uint k) =>
        code | ((ulong)jumpIfTrue << 16) | ((ulong)jumpIfFalse << 24) | ((ulong)k << 32);
}
