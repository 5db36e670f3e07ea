import { createLab } from 'tcp-lab';

// 客户端的重传预算是 12.6 秒。
const lab = createLab({ client: { sysctl: { tcp_retries2: 5 } } });
const conn = lab.connect();

// 1 秒时拔掉客户端自己的网线。
lab.at('1s', () => lab.client.unplug());
// 拔了线的客户端发数据。send() 会成功：数据只是进了发送队列。
lab.at('2s', () => conn.client.send('hello'));
conn.client.on('error', (errno) => console.log('客户端收到', errno));

lab.run({ until: '2m' });
