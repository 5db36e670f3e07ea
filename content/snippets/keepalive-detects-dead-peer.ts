import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// SO_KEEPALIVE on the server's socket, with the system defaults:
// 7200 s idle, then a probe every 75 s, give up after 9 unanswered probes.
conn.server.setKeepAlive(true);

// The client's cable is pulled at 1 s and never comes back.
lab.at('1s', () => lab.client.unplug());

lab.run({ until: '3h' });
