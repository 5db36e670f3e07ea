import { createLab } from 'tcp-lab';

const lab = createLab({ rtt: '20ms' });

// 程序启动时 Wi-Fi 已经关了：客户端的网卡处于关闭状态。
lab.client.interfaceDown();
const conn = lab.connect();

conn.client.on('error', (errno) => {
  console.log(`connect() 在 ${lab.now()} 毫秒返回 ${errno}`);
});

lab.run();
