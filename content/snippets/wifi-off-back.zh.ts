import { createLab } from 'tcp-lab';

// 一条空闲的连接；一个往返要 20 毫秒。
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// 1 秒时关掉 Wi-Fi，2 秒时服务器有数据要发。
lab.at('1s', () => lab.client.interfaceDown());
lab.at('2s', () => conn.server.send('hello'));
// 10 秒时重新打开 Wi-Fi：网卡带着原来的地址恢复。
lab.at('10s', () => lab.client.interfaceUp());

conn.client.on('data', (text) => {
  console.log(`客户端在 ${lab.now()} 毫秒读到“${text}”`);
});

lab.run({ until: '1h' });
