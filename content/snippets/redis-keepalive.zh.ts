import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// Redis 默认的 `tcp-keepalive 300` 在 Linux 上给客户端套接字设置的值：
// TCP_KEEPIDLE = 300 秒，TCP_KEEPINTVL = 300 / 3 = 100 秒，
// TCP_KEEPCNT = 3。
conn.server.setKeepAlive(true, { idle: '300s', interval: '100s', count: 3 });

// 客户端在 1 秒时消失，再也没回来。
lab.at('1s', () => lab.client.unplug());

lab.run({ until: '30m' });
