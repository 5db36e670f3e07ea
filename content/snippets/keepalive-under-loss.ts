import { createLab } from 'tcp-lab';

// A healthy network that drops 1 % of frames at random. Nobody pulls a cable.
const lab = createLab({ loss: 0.01 });

// One idle connection with keepalive on the server side.
const conn = lab.connect();
conn.server.setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 });
// TCP_KEEPIDLE + TCP_KEEPINTVL × TCP_KEEPCNT = 60 s + 10 s × 3 = 90 s.
conn.server.setUserTimeout('90s');

// An hour of silence. Which frames are lost depends on the lab's seed.
lab.run({ until: '1h' });
