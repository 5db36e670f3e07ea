import { createLab } from 'tcp-lab';

// 两台主机之间有一台负载均衡器。一条流空闲 4 分钟后，它就把这条流忘掉，
// 之后这条流的报文一律悄悄丢弃。
const lab = createLab({
  middlebox: { kind: 'load-balancer', idleTimeout: '4m', onForgotten: 'drop' },
});
const conn = lab.connect();

// 10 分钟里谁也不发东西；然后客户端发出一个请求。
lab.at('10m', () => conn.client.send('GET /'));

lab.run();
