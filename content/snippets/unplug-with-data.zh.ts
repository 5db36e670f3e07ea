import { createLab } from 'tcp-lab';

// 客户端在 t = 0 时连上服务器；路径的往返时间是 20 毫秒。
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// 1 秒时拔掉客户端的网线……
lab.at('1s', () => lab.client.unplug());
// ……2 秒时服务器有数据要发。每一份副本都丢在断开的网线那里。
lab.at('2s', () => conn.server.send('hello'));
// 半分钟后网线插回：服务器的下一次重传送达了。
lab.at('31s', () => lab.client.plugIn());

conn.client.on('data', (text) => console.log(`客户端在 ${lab.now()} 毫秒读到了 "${text}"`));

lab.run({ until: '1h' });
