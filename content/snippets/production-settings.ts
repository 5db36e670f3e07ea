import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// Keepalive for idle connections: the first probe after 60 s idle,
// then one every 10 s, at most 3.
conn.server.setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 });
// A firm bound for data in flight, equal to keepalive's whole course:
// TCP_KEEPIDLE + TCP_KEEPINTVL × TCP_KEEPCNT = 60 s + 10 s × 3 = 90 s.
conn.server.setUserTimeout('90s');

lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '30m' });
