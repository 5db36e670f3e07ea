import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// The writer sets TCP_USER_TIMEOUT: 30 s.
conn.server.setUserTimeout('30s');
// A small receive buffer on the client (SO_RCVBUF): three segments' worth.
conn.client.setReceiveBuffer(4344);

// At 1 s the client process hangs; at 2 s the server writes 10 kB to it.
lab.at('1s', () => lab.client.hangProcess());
lab.at('2s', () => conn.server.send(10_000));

lab.run({ until: '15m' });
