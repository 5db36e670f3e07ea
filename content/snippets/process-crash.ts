import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// The server application reads EOF... and forgets to close() its end.
conn.server.on('end', () => console.log('server read EOF'));

// At 1 s the client process is killed. Its host and kernel live on.
lab.at('1s', () => lab.client.killProcess());

lab.run({ until: '5m' });
