// A monitor on the VAPIX event stream, with the `ws` package: refused without credentials,
// subscribes to SystemReady with an authenticated upgrade, restarts the camera over VAPIX, and sees
// the stream close (mode "restart"); or subscribes and waits for ready=1 (mode "subscribe").
// Over http:// it answers the Digest challenge; over https:// it sends Basic (the `recommended`
// policy) on wss://, trusting exactly the certificate whose SHA-256 is given.
// Usage: node event-stream.js http://127.0.0.1:PORT user password restart|subscribe
//        node event-stream.js https://127.0.0.1:PORT user password restart|subscribe SHA256HEX
// Prints one line per observation; exits 0 when all was seen, 1 otherwise.
const crypto = require('crypto');
const http = require('http');
const https = require('https');
const WebSocket = require('ws');

const [base, user, password, mode, pinned] = process.argv.slice(2);
const secure = base.startsWith('https:');
const web = secure ? https : http;
const target = '/vapix/ws-data-stream?sources=events';
const wsUrl = base.replace(/^http/, 'ws') + target;
const md5 = (text) => crypto.createHash('md5').update(text).digest('hex');
// The camera's certificate is self-signed: verified by its pinned fingerprint, not a CA.
const tls = secure ? { rejectUnauthorized: false } : {};

function checkPinned(socket) {
  const fingerprint = socket.getPeerCertificate().fingerprint256.replace(/:/g, '').toLowerCase();
  if (fingerprint !== pinned) {
    throw new Error(`certificate ${fingerprint} is not the pinned one`);
  }
}

function challenge() {
  return new Promise((resolve, reject) => {
    web.get(base + '/axis-cgi/pwdgrp.cgi?action=get', tls, (res) => {
      res.resume();
      resolve(res.headers['www-authenticate']);
    }).on('error', reject);
  });
}

async function authorization(method, uri) {
  return secure ? 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64') : digest(method, uri);
}

async function digest(method, uri) {
  const header = await challenge();
  const field = (name) => (header.match(new RegExp(`${name}="([^"]*)"`)) || [])[1];
  const realm = field('realm');
  const nonce = field('nonce');
  const cnonce = crypto.randomBytes(8).toString('hex');
  const response = md5(`${md5(`${user}:${realm}:${password}`)}:${nonce}:00000001:${cnonce}:auth:${md5(`${method}:${uri}`)}`);
  return `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${uri}", algorithm=MD5, qop=auth, nc=00000001, cnonce="${cnonce}", response="${response}"`;
}

function refusedWithout() {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl, tls);
    ws.on('unexpected-response', (req, res) => { resolve(res.statusCode); req.destroy(); });
    ws.on('open', () => { resolve('open'); ws.close(); });
    ws.on('error', () => {});
  });
}

// Opens a stream subscribed to SystemReady; resolves with the socket once ready=1 has been seen.
function subscribe(label) {
  return new Promise(async (resolve, reject) => {
    let ws;
    try {
      ws = new WebSocket(wsUrl, { ...tls, headers: { Authorization: await authorization('GET', target) } });
    } catch (error) {
      reject(error);
      return;
    }
    ws.on('error', reject);
    ws.on('upgrade', (res) => {
      if (secure) {
        try { checkPinned(res.socket); } catch (error) { ws.terminate(); reject(error); }
      }
    });
    ws.on('open', () => ws.send(JSON.stringify({
      apiVersion: '1.0', context: label, method: 'events:configure',
      params: { eventFilterList: [{ topicFilter: 'tns1:Device/tnsaxis:Status/SystemReady' }] },
    })));
    ws.on('message', (raw) => {
      const message = JSON.parse(raw.toString());
      if (message.method === 'events:configure') {
        console.log(`${label} configure ${message.error ? 'error ' + message.error.code : 'ok context=' + message.context}`);
        return;
      }
      const ready = message.params.notification.message.data.ready;
      console.log(`${label} notify ${message.params.notification.topic} ready=${ready}`);
      if (ready === '1') {
        resolve(ws);
      }
    });
  });
}

function restart() {
  return new Promise(async (resolve, reject) => {
    const uri = '/axis-cgi/restart.cgi';
    const req = web.get(base + uri, { ...tls, headers: { Authorization: await authorization('GET', uri) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
  });
}

(async () => {
  if (mode === 'subscribe') {
    (await subscribe('second')).close();
    process.exit(0);
  }
  console.log(`anonymous ${await refusedWithout()}`);
  const first = await subscribe('first');
  const closed = new Promise((resolve) => first.on('close', (code) => resolve(code)));
  console.log(`restart ${await restart()}`);
  console.log(`closed ${await closed}`);
  process.exit(0);
})().catch((error) => {
  console.log(`failed ${error.message}`);
  process.exit(1);
});
