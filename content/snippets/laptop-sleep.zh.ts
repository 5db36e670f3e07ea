import { createLab } from 'tcp-lab';

// 一个往返要 20 毫秒。
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// 1 秒时合上笔记本的盖子：客户端休眠。
lab.at('1s', () => lab.client.suspend());
// 2 秒时服务器发送数据，没人来确认。
lab.at('2s', () => conn.server.send('while you slept'));
// 二十分钟后打开盖子，客户端马上写入数据。
lab.at('20m', () => {
  lab.client.resume();
  conn.client.send('good morning');
});

conn.client.on('error', (errno) => console.log(`客户端在 ${lab.now()} 毫秒收到 ${errno}`));
conn.server.on('error', (errno) => console.log(`服务器在 ${lab.now()} 毫秒收到 ${errno}`));

lab.run();
