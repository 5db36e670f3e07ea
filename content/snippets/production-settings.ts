import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// Keepalive for idle connections: the first probe after 60 s idle,
// then one every 10 s, at most 3.
conn.server.setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 });
// A firm bound for data in flight: give up after 30 s unacknowledged.
conn.server.setUserTimeout('30s');

lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '30m' });
