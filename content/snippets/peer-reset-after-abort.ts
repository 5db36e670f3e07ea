import { createLab } from 'tcp-lab';

// A smaller retransmission budget (102.2 s) so the server gives up sooner.
const lab = createLab({ server: { sysctl: { tcp_retries2: 8 } } });
const conn = lab.connect();

lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hello'));

// The cable is back at 5 minutes, after the server has given up.
lab.at('5m', () => lab.client.plugIn());
// The client knows nothing of it and says something.
lab.at('6m', () => conn.client.send('anyone there?'));
conn.client.on('error', (errno) => console.log('client got', errno));

lab.run({ until: '10m' });
