import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 应用代码：每秒给客户端发一次 ping；连续 3.5 秒没收到 pong，
// 就认定客户端失联并关闭连接。客户端会自动回 pong。
conn.server.heartbeat({ every: '1s', timeout: '3.5s' });

// 10 秒时拔掉客户端的网线。
lab.at('10s', () => lab.client.unplug());

lab.run({ until: '5m' });
