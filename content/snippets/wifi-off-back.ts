import { createLab } from 'tcp-lab';

// An idle connection; a round trip takes 20 ms.
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// At 1 s Wi-Fi goes off, and at 2 s the server has something to send.
lab.at('1s', () => lab.client.interfaceDown());
lab.at('2s', () => conn.server.send('hello'));
// At 10 s Wi-Fi is back on: the interface comes up with the same address.
lab.at('10s', () => lab.client.interfaceUp());

conn.client.on('data', (text) => {
  console.log(`client read "${text}" at ${lab.now()} ms`);
});

lab.run({ until: '1h' });
