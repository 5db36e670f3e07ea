import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 在服务器的套接字上打开 SO_KEEPALIVE，参数用系统默认值：
// 空闲 7200 秒后开始探测，每 75 秒一个，9 个都没回应就放弃。
conn.server.setKeepAlive(true);

// 1 秒时拔掉客户端的网线，再也不插回去。
lab.at('1s', () => lab.client.unplug());

lab.run({ until: '3h' });
