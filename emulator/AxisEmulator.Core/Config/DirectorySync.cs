using System.Runtime.InteropServices;

namespace AxisEmulator.Core.Config;

/// <summary>
/// Flushes a directory's entries to disk, so that a rename into it survives a power cut. .NET opens
/// no handle on a directory, so on Linux and macOS this asks libc (open, fsync, close); elsewhere
/// (Windows journals the rename itself), or where libc cannot be found, it does nothing.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY, the same on every Unix

    private static bool _unavailable = !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS());

    /// <summary>False where the directory is not flushed (the platform, or no libc found).</summary>
    public static bool IsAvailable => !Volatile.Read(ref _unavailable);

    public static void Flush(string directory)
    {
        if (Volatile.Read(ref _unavailable))
        {
            return;
        }

        int descriptor;
        try
        {
            descriptor = Open(directory, ReadOnly);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref _unavailable, true); // a libc under another name: the file itself is flushed all the same
            return;
        }

        if (descriptor < 0)
        {
            throw new IOException($"{directory}: cannot open the directory to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"{directory}: flushing the directory failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    // DllImport rather than LibraryImport: the generated stubs would need unsafe code in Core.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int descriptor);
}
