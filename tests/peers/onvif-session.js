// Drives the emulator's ONVIF device service with npm `onvif` (agsh) as a tool would:
// node onvif-session.js HOST PORT USER PASS ACTION  (ACTION: connect | reboot | soft | hard)
// Prints one JSON line with what the client read; exit code 1 with the error otherwise.
const { Cam } = require('onvif');
const [host, port, username, password, action] = process.argv.slice(2);

const fail = (what, err) => { console.log(JSON.stringify({ error: `${what}: ${err && err.message ? err.message : err}` })); process.exit(1); };

new Cam({ hostname: host, port: Number(port), username, password, timeout: 10000 }, function (err) {
  if (err) return fail('connect', err);
  const cam = this;
  cam.getDeviceInformation((err, info) => {
    if (err) return fail('getDeviceInformation', err);
    cam.getSystemDateAndTime((err, date) => {
      if (err) return fail('getSystemDateAndTime', err);
      cam.getUsers((err, users) => {
        if (err) return fail('getUsers', err);
        const result = { info, date: date.toISOString(), users, profiles: (cam.profiles || []).map(p => p.$.token) };
        const done = (extra) => { console.log(JSON.stringify(Object.assign(result, extra))); };
        if (action === 'reboot') return cam.systemReboot((err, message) => err ? fail('systemReboot', err) : done({ message }));
        if (action === 'soft' || action === 'hard') return cam.setSystemFactoryDefault(action === 'hard', (err) => err ? fail('setSystemFactoryDefault', err) : done({ reset: action }));
        done({});
      });
    });
  });
});
