import { createLab } from 'tcp-lab';

// A smaller retransmission budget (102.2 s) so the server gives up sooner.
const lab = createLab({ server: { sysctl: { tcp_retries2: 8 } } });
const conn = lab.connect();

// At 1 s the client host loses power: no FIN, no RST, nothing.
lab.at('1s', () => lab.client.crash());
// The server has something to say.
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '10m' });
