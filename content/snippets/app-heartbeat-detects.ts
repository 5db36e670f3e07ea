import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// Application code: ping the client every second; if no pong has come
// back for 3.5 s, declare it gone and close. The client answers pings.
conn.server.heartbeat({ every: '1s', timeout: '3.5s' });

// The client's cable is pulled at 10 s.
lab.at('10s', () => lab.client.unplug());

lab.run({ until: '5m' });
