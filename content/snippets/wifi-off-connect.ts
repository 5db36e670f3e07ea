import { createLab } from 'tcp-lab';

const lab = createLab({ rtt: '20ms' });

// Wi-Fi is already off when the program starts: the client's interface is down.
lab.client.interfaceDown();
const conn = lab.connect();

conn.client.on('error', (errno) => {
  console.log(`connect(): ${errno} at ${lab.now()} ms`);
});

lab.run();
