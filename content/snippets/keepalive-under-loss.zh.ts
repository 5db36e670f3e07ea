import { createLab } from 'tcp-lab';

// 一个健康的网络，只是随机丢掉 1% 的帧。没有人拔网线。
const lab = createLab({ loss: 0.01 });

// 100 条空闲连接，服务器端的设置都一样。
for (let i = 0; i < 100; i++) {
  const conn = lab.connect();
  conn.server.setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 });
  // TCP_KEEPIDLE + TCP_KEEPINTVL × TCP_KEEPCNT = 60 秒 + 10 秒 × 3 = 90 秒。
  conn.server.setUserTimeout('90s');
}

lab.run({ until: '1h' });
