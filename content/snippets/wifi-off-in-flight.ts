import { createLab } from 'tcp-lab';

// The client is uploading; a round trip to the server takes 20 ms.
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// At 1 s the client writes, and 5 ms later, before the ACK is back, Wi-Fi goes off:
// the interface goes down, as with `ip link set dev wlan0 down`.
lab.at('1s', () => conn.client.send('upload'));
lab.at('1005ms', () => lab.client.interfaceDown());

conn.client.on('error', (errno) => {
  console.log(`client: ${errno} at ${lab.now()} ms`);
});

lab.run();
