import { createLab } from 'tcp-lab';

// A round trip takes 20 ms.
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// At 1 s the laptop's lid closes: the client suspends.
lab.at('1s', () => lab.client.suspend());
// At 2 s the server sends; nobody is there to acknowledge it.
lab.at('2s', () => conn.server.send('while you slept'));
// Twenty minutes later the lid opens, and the client writes at once.
lab.at('20m', () => {
  lab.client.resume();
  conn.client.send('good morning');
});

conn.client.on('error', (errno) => console.log(`client: ${errno} at ${lab.now()} ms`));
conn.server.on('error', (errno) => console.log(`server: ${errno} at ${lab.now()} ms`));

lab.run();
