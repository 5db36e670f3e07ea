import { createLab } from 'tcp-lab';

// An idle connection; a round trip takes 20 ms.
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// At 1 s the client's address is removed (`ip addr del`); the interface stays up.
lab.at('1s', () => lab.client.removeAddress());
// At 2 s the client's application writes.
lab.at('2s', () => conn.client.send('hello'));

conn.client.on('error', (errno) => {
  console.log(`client: ${errno} at ${lab.now()} ms`);
});

lab.run();
