import { createLab } from 'tcp-lab';

// The client connects to the server at t = 0; the round trip takes 20 ms.
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// At 1 s the client's cable is pulled...
lab.at('1s', () => lab.client.unplug());
// ...and at 2 s the server has something to send: every copy is lost.
lab.at('2s', () => conn.server.send('hello'));
// Back in after half a minute: the next retransmission gets through.
lab.at('31s', () => lab.client.plugIn());

conn.client.on('data', (text) => {
  console.log(`client read "${text}" at ${lab.now()} ms`);
});

lab.run({ until: '1h' });
