using System.Net;

namespace AxisEmulator.Lab.Discovery;

/// <summary>
/// One discovery protocol a camera speaks on its eth0 while its network is up (mDNS, SSDP,
/// WS-Discovery): made when the carrier comes up, told each new set of addresses, asked for its
/// goodbyes on an orderly shutdown (nothing on a power cut), disposed when the link goes down.
/// </summary>
internal interface IDiscoveryResponder : IAsyncDisposable
{
    /// <summary>The addresses the camera holds now; a responder announces them as its protocol says.</summary>
    void Publish(IReadOnlyList<IPAddress> addresses);

    /// <summary>The protocol's goodbye (mDNS TTL 0, ssdp:byebye, WS-Discovery Bye).</summary>
    Task GoodbyeAsync();
}
