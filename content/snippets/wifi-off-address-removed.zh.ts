import { createLab } from 'tcp-lab';

// 一条空闲的连接；一个往返要 20 毫秒。
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// 1 秒时删掉客户端的地址（`ip addr del`），网卡仍然开着。
lab.at('1s', () => lab.client.removeAddress());
// 2 秒时客户端的应用写入数据。
lab.at('2s', () => conn.client.send('hello'));

conn.client.on('error', (errno) => {
  console.log(`客户端在 ${lab.now()} 毫秒收到 ${errno}`);
});

lab.run();
