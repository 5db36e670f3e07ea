import { createLab } from 'tcp-lab';

// 一个健康的网络，只是随机丢掉 1% 的帧。没有人拔网线。
const lab = createLab({ loss: 0.01 });

// 一条空闲连接，服务器端打开保活。
const conn = lab.connect();
conn.server.setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 });
// TCP_KEEPIDLE + TCP_KEEPINTVL × TCP_KEEPCNT = 60 秒 + 10 秒 × 3 = 90 秒。
conn.server.setUserTimeout('90s');

// 静默一小时。丢掉哪些帧，取决于实验的种子。
lab.run({ until: '1h' });
