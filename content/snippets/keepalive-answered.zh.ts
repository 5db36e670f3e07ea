import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 把保活调短：空闲 10 秒开始探测，之后每 5 秒一个，最多 3 个。
conn.server.setKeepAlive(true, { idle: '10s', interval: '5s', count: 3 });

lab.at('1s', () => lab.client.unplug());
// 第 1 个探测丢掉之后、第 2 个发出之前，网线插回。
lab.at('13s', () => lab.client.plugIn());

lab.run({ until: '1m' });
