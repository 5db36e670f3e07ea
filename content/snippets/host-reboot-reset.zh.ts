import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 1 秒时客户端主机崩溃……
lab.at('1s', () => lab.client.crash());
// ……30 秒时重启完毕，地址没变，TCP 连接表是空的。
lab.at('30s', () => lab.client.boot());
// 什么都没察觉的服务器在 1 分钟时发数据。
lab.at('1m', () => conn.server.send('hello'));
conn.server.on('error', (errno) => console.log('服务器收到', errno));

lab.run({ until: '5m' });
