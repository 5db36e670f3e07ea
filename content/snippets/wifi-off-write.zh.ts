import { createLab } from 'tcp-lab';

// 一条空闲的连接；一个往返要 20 毫秒。
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// 1 秒时关掉 Wi-Fi：客户端的网卡关闭了。
lab.at('1s', () => lab.client.interfaceDown());
// 2 秒时客户端的应用毫不知情地写入数据。
lab.at('2s', () => conn.client.send('hello'));

conn.client.on('error', (errno) => {
  console.log(`客户端在 ${lab.now()} 毫秒收到 ${errno}`);
});

lab.run();
