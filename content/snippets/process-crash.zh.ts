import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 服务器应用读到了 EOF……却忘了 close() 自己这一端。
conn.server.on('end', () => console.log('服务器读到 EOF'));

// 1 秒时客户端进程被杀。主机和内核都还活着。
lab.at('1s', () => lab.client.killProcess());

lab.run({ until: '5m' });
