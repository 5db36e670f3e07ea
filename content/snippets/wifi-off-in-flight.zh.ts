import { createLab } from 'tcp-lab';

// 客户端正在上传；到服务器的一个往返要 20 毫秒。
const lab = createLab({ rtt: '20ms' });
const conn = lab.connect();

// 1 秒时客户端写入数据，5 毫秒后、确认还没回来时关掉 Wi-Fi：
// 网卡被关闭，就像执行 `ip link set dev wlan0 down`。
lab.at('1s', () => conn.client.send('upload'));
lab.at('1005ms', () => lab.client.interfaceDown());

conn.client.on('error', (errno) => {
  console.log(`客户端在 ${lab.now()} 毫秒收到 ${errno}`);
});

lab.run();
