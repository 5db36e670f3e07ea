import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// Short keepalive timers: the first probe after 10 s idle,
// then one every 5 s, at most 3.
conn.server.setKeepAlive(true, { idle: '10s', interval: '5s', count: 3 });

lab.at('1s', () => lab.client.unplug());
// Back after the first probe was lost, before the second one.
lab.at('13s', () => lab.client.plugIn());

lab.run({ until: '1m' });
