import { createLab } from 'tcp-lab';

// 还是那台负载均衡器，但它在忘掉空闲的流的那一刻，
// 会向两端各发一个 RST。
const lab = createLab({
  middlebox: { kind: 'load-balancer', idleTimeout: '4m', onForgotten: 'rst' },
});
const conn = lab.connect();

// 10 分钟里谁也不发东西；然后客户端发出一个请求。
lab.at('10m', () => conn.client.send('GET /'));

lab.run();
