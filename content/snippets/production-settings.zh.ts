import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 空闲连接靠 keepalive：空闲 60 秒发第一个探测，
// 之后每 10 秒一个，最多 3 个。
conn.server.setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 });
// 有数据在路上时的硬上限：30 秒等不到确认就放弃。
conn.server.setUserTimeout('30s');

lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '30m' });
