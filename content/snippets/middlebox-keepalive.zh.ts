import { createLab } from 'tcp-lab';

// 还是那台空闲 4 分钟就忘掉流的负载均衡器。
const lab = createLab({
  middlebox: { kind: 'load-balancer', idleTimeout: '4m', onForgotten: 'drop' },
});
const conn = lab.connect();

// 客户端打开保活，空闲 60 秒就发一个探测：
// 每个探测和它的应答都要经过负载均衡器。
conn.client.setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 });

// 第 10 分钟，客户端发出请求。
lab.at('10m', () => conn.client.send('GET /'));

lab.run({ until: '11m' });
