import { createLab } from 'tcp-lab';

// 所有设置都是 Linux 默认值（tcp_retries2 = 15）。
const lab = createLab();
const conn = lab.connect();

// 1 秒时拔掉客户端的网线，再也不插回去。
lab.at('1s', () => lab.client.unplug());
// 服务器发出一个客户端永远收不到的报文。
lab.at('2s', () => conn.server.send('hello'));

// 给服务器半小时，看它什么时候放弃。
lab.run({ until: '30m' });
