// Reads device information with npm `node-onvif`: node node-onvif-session.js HOST PORT USER PASS
const onvif = require('node-onvif');
const [host, port, user, pass] = process.argv.slice(2);
const device = new onvif.OnvifDevice({ xaddr: `http://${host}:${port}/onvif/device_service`, user, pass });
device.init()
  .then((info) => device.services.device.getSystemDateAndTime().then((time) => {
    console.log(JSON.stringify({ info, time: time.data.GetSystemDateAndTimeResponse.SystemDateAndTime.UTCDateTime }));
  }))
  .catch((err) => { console.log(JSON.stringify({ error: String(err && err.message ? err.message : err) })); process.exit(1); });
