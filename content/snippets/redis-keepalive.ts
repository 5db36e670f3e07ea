import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// What Redis's default `tcp-keepalive 300` sets on Linux:
// TCP_KEEPIDLE = 300 s, TCP_KEEPINTVL = 300 / 3 = 100 s, TCP_KEEPCNT = 3.
conn.server.setKeepAlive(true, { idle: '300s', interval: '100s', count: 3 });

// The client disappears at 1 s and never comes back.
lab.at('1s', () => lab.client.unplug());

lab.run({ until: '30m' });
