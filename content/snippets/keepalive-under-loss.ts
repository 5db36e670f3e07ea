import { createLab } from 'tcp-lab';

// A healthy network that drops 1 % of frames at random. Nobody pulls a cable.
const lab = createLab({ loss: 0.01 });

// 100 idle connections, each with the same settings on the server side.
for (let i = 0; i < 100; i++) {
  const conn = lab.connect();
  conn.server.setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 });
  // TCP_KEEPIDLE + TCP_KEEPINTVL × TCP_KEEPCNT = 60 s + 10 s × 3 = 90 s.
  conn.server.setUserTimeout('90s');
}

lab.run({ until: '1h' });
