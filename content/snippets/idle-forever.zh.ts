import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 1 秒时拔掉客户端的网线，再也不插回去。
lab.at('1s', () => lab.client.unplug());
// 谁都不发数据，也没人打开保活。

// 快三个小时以后，服务器的内核怎么看这条连接？
lab.at('2h 59m', () => console.log('服务器套接字：', conn.server.state));

lab.run({ until: '3h' });
