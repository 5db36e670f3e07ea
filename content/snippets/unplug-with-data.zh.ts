import { createLab } from 'tcp-lab';

// 客户端在 t = 0 时连上服务器；一个往返要 20 毫秒。
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// 1 秒时拔掉客户端的网线……
lab.at('1s', () => lab.client.unplug());
// ……2 秒时服务器有数据要发：每一份副本都丢了。
lab.at('2s', () => conn.server.send('hello'));
// 半分钟后插回：下一次重传送达了。
lab.at('31s', () => lab.client.plugIn());

conn.client.on('data', (text) => {
  console.log(`客户端在 ${lab.now()} 毫秒读到“${text}”`);
});

lab.run({ until: '1h' });
