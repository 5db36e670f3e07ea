import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 空闲连接靠保活：空闲 60 秒发第一个探测，
// 之后每 10 秒一个，最多 3 个。
conn.server.setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 });
// 有数据在路上时的硬上限，取保活的全程：
// TCP_KEEPIDLE + TCP_KEEPINTVL × TCP_KEEPCNT = 60 秒 + 10 秒 × 3 = 90 秒。
conn.server.setUserTimeout('90s');

lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '30m' });
