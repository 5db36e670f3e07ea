import { createLab } from 'tcp-lab';

const lab = createLab();

// The server's cable is already out when the client tries to connect.
lab.server.unplug();
// connect(): the first SYN leaves at t = 0. Nobody will answer.
lab.connect();

lab.run({ until: '5m' });
