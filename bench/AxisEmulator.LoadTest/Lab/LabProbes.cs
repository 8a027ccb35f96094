namespace AxisEmulator.LoadTest.Lab;

/// <summary>
/// What the tool under test does from the lab's client namespace, as small Python programs run there
/// with <c>ip netns exec</c> (the benchmark's own process stays in the host's namespace).
/// </summary>
internal static class LabProbes
{
    /// <summary>
    /// argv: TIMEOUT ADDRESS…; a systemready.cgi POST to each, 64 at a time, the ones that failed
    /// asked again every half second; prints when all answered, and the failed tries by kind.
    /// </summary>
    public const string Systemready = """
        import asyncio, collections, sys, time
        BODY = b'{"apiVersion":"1.0","method":"systemready"}'
        async def ask(address, gate):
            async with gate:
                try:
                    reader, writer = await asyncio.wait_for(asyncio.open_connection(address, 80), 5)
                    writer.write(b"POST /axis-cgi/systemready.cgi HTTP/1.1\r\nHost: " + address.encode() + b"\r\nContent-Type: application/json\r\nContent-Length: " + str(len(BODY)).encode() + b"\r\nConnection: close\r\n\r\n" + BODY)
                    await writer.drain()
                    status = await asyncio.wait_for(reader.readline(), 5)
                    writer.close()
                    return "ok" if status.split()[1:2] == [b"200"] else status.decode(errors="replace").strip()
                except OSError as error:
                    return f"{type(error).__name__} errno {error.errno}"
                except Exception as error:
                    return type(error).__name__
        async def main(timeout, pending):
            gate, failures, start, total = asyncio.Semaphore(64), collections.Counter(), time.monotonic(), len(pending)
            while pending and time.monotonic() - start < timeout:
                answers = await asyncio.gather(*(ask(a, gate) for a in pending))
                failures.update(a for a in answers if a != "ok")
                pending = [a for a, answer in zip(pending, answers) if answer != "ok"]
                if pending: await asyncio.sleep(0.5)
            print(f"{total - len(pending)} of {total} answered after {time.monotonic() - start:.2f} s; failed tries: " + (", ".join(f"{n} {why}" for why, n in failures.items()) or "none"))
        asyncio.run(main(float(sys.argv[1]), sys.argv[2:]))
        """;

    /// <summary>
    /// argv: EXPECTED TIMEOUT; asks for _axis-video._tcp.local PTR every second from an ephemeral port
    /// (legacy unicast: every responder answers the asker) and prints "found N in S s" once EXPECTED
    /// distinct instances answered, or at the timeout.
    /// </summary>
    public const string MdnsBrowse = """
        import socket, struct, sys, time
        expected, timeout = int(sys.argv[1]), float(sys.argv[2])
        name = b"".join(bytes([len(p)]) + p for p in b"_axis-video._tcp.local".split(b".")) + b"\0"
        query = struct.pack(">HHHHHH", 0x4158, 0, 1, 0, 0, 0) + name + struct.pack(">HH", 12, 1)
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("192.168.0.250"))
        s.settimeout(0.2)
        def read_name(packet, at):
            labels, jumped, end = [], False, at
            while packet[at] != 0:
                if packet[at] >= 0xC0:
                    if not jumped: end = at + 2
                    at, jumped = struct.unpack(">H", packet[at:at + 2])[0] & 0x3FFF, True
                    continue
                labels.append(packet[at + 1:at + 1 + packet[at]]); at += packet[at] + 1
            return b".".join(labels), (end if jumped else at + 1)
        def instances(packet):
            # the PTR answers' targets: one instance name per camera
            questions, answers = struct.unpack(">HH", packet[4:8])
            at, found = 12, []
            for _ in range(questions):
                at = read_name(packet, at)[1] + 4
            for _ in range(answers):
                _, at = read_name(packet, at)
                rtype, _, _, length = struct.unpack(">HHIH", packet[at:at + 10])
                if rtype == 12: found.append(read_name(packet, at + 10)[0])
                at += 10 + length
            return found
        start, seen, last = time.monotonic(), set(), 0.0
        while len(seen) < expected and time.monotonic() - start < timeout:
            if time.monotonic() - last >= 1:
                s.sendto(query, ("224.0.0.251", 5353)); last = time.monotonic()
            try:
                packet, sender = s.recvfrom(9000)
                seen.update(instances(packet))
            except socket.timeout:
                pass
        print(f"found {len(seen)} in {time.monotonic() - start:.2f} s")
        """;
}
