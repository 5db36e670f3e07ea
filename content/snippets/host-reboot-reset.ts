import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// The client host crashes at 1 s...
lab.at('1s', () => lab.client.crash());
// ...and is back at 30 s, same address, with an empty TCP stack.
lab.at('30s', () => lab.client.boot());
// The server, which noticed nothing, sends at 1 minute.
lab.at('1m', () => conn.server.send('hello'));
conn.server.on('error', (errno) => console.log('server got', errno));

lab.run({ until: '5m' });
