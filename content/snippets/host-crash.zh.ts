import { createLab } from 'tcp-lab';

// 把重传预算调小（102.2 秒），让服务器早点放弃。
const lab = createLab({ server: { sysctl: { tcp_retries2: 8 } } });
const conn = lab.connect();

// 1 秒时客户端主机断电：没有 FIN，没有 RST，什么都没有。
lab.at('1s', () => lab.client.crash());
// 服务器有话要说。
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '10m' });
