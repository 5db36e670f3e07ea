import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// An application heartbeat instead: ping every 5 s,
// give up after 15 s without a pong.
conn.server.heartbeat({ every: '5s', timeout: '15s' });

// At 1 s the client process hangs. Its kernel still ACKs every ping,
// but no pong will ever come back.
lab.at('1s', () => lab.client.hangProcess());

lab.run({ until: '5m' });
