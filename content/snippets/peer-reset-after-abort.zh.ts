import { createLab } from 'tcp-lab';

// 把重传预算调小（102.2 秒），让服务器早点放弃。
const lab = createLab({ server: { sysctl: { tcp_retries2: 8 } } });
const conn = lab.connect();

lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hello'));

// 5 分钟时网线插回，这时服务器早已放弃。
lab.at('5m', () => lab.client.plugIn());
// 客户端毫不知情，照常发了一条消息。
lab.at('6m', () => conn.client.send('anyone there?'));
conn.client.on('error', (errno) => console.log('客户端收到', errno));

lab.run({ until: '10m' });
