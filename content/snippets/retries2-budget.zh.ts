import { createLab } from 'tcp-lab';

const lab = createLab({
  rtt: '1ms', // 经路由器到服务器，往返 1 ms：RTO = 1 ms + 200 ms
  // CONFIG_HZ：改成 250 时一个 jiffy 是 4 ms，RTO 向上取整成 204 ms。
  hz: 1000,
  // 重传预算是 0.2 × (2^6 − 1) = 12.6 秒。
  server: { sysctl: { tcp_retries2: 5 } },
});
const conn = lab.connect();

lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '2m' });
