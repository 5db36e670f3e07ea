import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// Keepalive with short timers: 10 s idle, then every 5 s, 3 probes.
conn.server.setKeepAlive(true, { idle: '10s', interval: '5s', count: 3 });

// At 1 s the client process hangs: it stops reading and answering,
// but its kernel carries on as usual.
lab.at('1s', () => lab.client.hangProcess());

lab.run({ until: '5m' });
