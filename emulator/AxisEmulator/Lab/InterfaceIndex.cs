using System.Runtime.InteropServices;

namespace AxisEmulator.Lab;

/// <summary>An interface's index in the calling thread's network namespace (call it inside <see cref="NetworkNamespace.Create"/>).</summary>
internal static partial class InterfaceIndex
{
    public static int Of(string interfaceName)
    {
        var index = NameToIndex(interfaceName);
        return index != 0 ? (int)index : throw new IOException($"no interface {interfaceName} in this network namespace");
    }

    [LibraryImport("libc", EntryPoint = "if_nametoindex", StringMarshalling = StringMarshalling.Utf8)]
    private static partial uint NameToIndex(string name);
}
