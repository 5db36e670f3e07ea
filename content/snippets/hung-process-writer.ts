import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// At 1 s the client process hangs: it stops reading.
lab.at('1s', () => lab.client.hangProcess());
// At 2 s the server writes 200 kB to it, and keeps the rest queued
// once the client's receive buffer is full.
lab.at('2s', () => conn.server.send(200_000));

lab.run({ until: '1h' });
