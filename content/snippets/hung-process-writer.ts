import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// A small receive buffer on the client (SO_RCVBUF): three segments' worth,
// so that it fills quickly.
conn.client.setReceiveBuffer(4344);

// At 1 s the client process hangs: it stops reading.
lab.at('1s', () => lab.client.hangProcess());
// At 2 s the server writes 10 kB to it; what does not fit stays queued in the server.
lab.at('2s', () => conn.server.send(10_000));

lab.run({ until: '15m' });
