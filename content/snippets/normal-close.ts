import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// The server application does what most servers do: when it reads EOF
// (the client is done), it closes its own end too.
conn.server.on('end', () => conn.server.close());

// At 1 s the client application calls close(): its kernel sends a FIN.
lab.at('1s', () => conn.client.close());

// The client, which closed first, waits in TIME_WAIT before it is gone.
lab.run({ until: '2m' });
