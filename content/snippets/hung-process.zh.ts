import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 服务器打开保活，参数调短：空闲 10 秒，间隔 5 秒，最多 3 个探测。
conn.server.setKeepAlive(true, { idle: '10s', interval: '5s', count: 3 });

// 1 秒时客户端进程卡死：不再读数据，也不再回应，
// 但它的内核一切照常。
lab.at('1s', () => lab.client.hangProcess());

lab.run({ until: '5m' });
