using System.Runtime.InteropServices;

namespace AxisEmulator.Lab;

/// <summary>
/// Makes things inside a named network namespace (<c>/run/netns/NAME</c>, as <c>ip netns</c> keeps
/// them). A socket belongs for good to the namespace it was created in, so only its creation needs
/// to happen there: on a thread of its own switched with setns(2) and switched back, never on a
/// pool thread that other work would then inherit.
/// </summary>
internal static partial class NetworkNamespace
{
    private const int CloneNewNet = 0x40000000;

    public static bool Exists(string name) => File.Exists(PathOf(name));

    /// <summary>The lab namespaces present now whose names start with <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<string> Named(string prefix) =>
        Directory.Exists("/run/netns")
            ? [.. Directory.EnumerateFiles("/run/netns").Select(Path.GetFileName).Where(n => n!.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)!]
            : [];

    /// <summary>Runs <paramref name="create"/> inside namespace <paramref name="name"/> and returns what it made.</summary>
    public static T Create<T>(string name, Func<T> create)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var home = File.OpenHandle("/proc/thread-self/ns/net");
                using var target = File.OpenHandle(PathOf(name));
                Enter(target, name);
                try
                {
                    result = create();
                }
                finally
                {
                    Enter(home, "the emulator's own");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
            {
                failure = ex;
            }
        })
        { IsBackground = true, Name = "netns " + name };
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new IOException($"in network namespace {name}: {failure.Message}", failure);
    }

    private static string PathOf(string name) => "/run/netns/" + name;

    private static void Enter(Microsoft.Win32.SafeHandles.SafeFileHandle handle, string name)
    {
        if (SetNamespace((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
        {
            throw new IOException($"setns into {name} network namespace failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNamespace(int fd, int nsType);
}
