// Finds cameras the way npm `onvif` (agsh) does, by a WS-Discovery Probe to 239.255.255.250:3702:
// node onvif-discovery.js TIMEOUT_MS
// Prints one JSON line: every ProbeMatch (who sent it, its endpoint, XAddrs, scopes) and the answers it
// could not read; exit 1 when the probe itself failed.
const { Discovery } = require('onvif');
const timeout = Number(process.argv[2] || 3000);
const found = [];
Discovery.on('device', (match, rinfo) => {
  const m = match.probeMatches.probeMatch;
  found.push({ from: rinfo.address, urn: m.endpointReference.address, xaddrs: m.XAddrs, scopes: String(m.scopes).split(' '), types: m.types });
});
Discovery.probe({ timeout, resolve: false }, (err) => {
  if (err && !Array.isArray(err)) { console.log(JSON.stringify({ error: String(err.message || err) })); process.exit(1); }
  console.log(JSON.stringify({ found, errors: Array.isArray(err) ? err.map(String) : [] }));
});
