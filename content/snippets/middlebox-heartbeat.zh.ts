import { createLab } from 'tcp-lab';

// 还是那台空闲 4 分钟就忘掉流的负载均衡器。
const lab = createLab({
  middlebox: { kind: 'load-balancer', idleTimeout: '4m', onForgotten: 'drop' },
});
const conn = lab.connect();

// 应用代码：客户端每 30 秒发一次 ping，连续 90 秒没收到 pong 就放弃。
// 服务器会回应每一个 ping。
conn.client.heartbeat({ every: '30s', timeout: '90s' });

// 第 10 分钟，客户端发出请求。
lab.at('10m', () => conn.client.send('GET /'));

lab.run({ until: '11m' });
