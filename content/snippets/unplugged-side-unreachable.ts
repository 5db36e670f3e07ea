import { createLab } from 'tcp-lab';

// The client gives up after a 12.6 s retransmission budget.
const lab = createLab({ client: { sysctl: { tcp_retries2: 5 } } });
const conn = lab.connect();

// The client's own cable is pulled at 1 s.
lab.at('1s', () => lab.client.unplug());
// The unplugged client sends. send() succeeds: the data is only queued.
lab.at('2s', () => conn.client.send('hello'));
conn.client.on('error', (errno) => console.log('client got', errno));

lab.run({ until: '2m' });
