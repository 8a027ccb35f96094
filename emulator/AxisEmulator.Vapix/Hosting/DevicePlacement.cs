using System.Net;
using System.Net.Sockets;

namespace AxisEmulator.Vapix.Hosting;

/// <summary>
/// Where one device's listener goes when it is not on this machine's loopback: what it binds, how
/// its sockets are made (in the device's own network namespace), and the endpoint reported for it
/// (the device's current address, which can change while the listener stays bound).
/// </summary>
public sealed record DevicePlacement(IPAddress BindAddress, int Port, Func<AddressFamily, Socket> CreateSocket, Func<Uri?> Endpoint);
