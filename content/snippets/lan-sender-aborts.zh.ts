import { createLab } from 'tcp-lab';

// 和 sender-aborts 是同一个场景，只是两台主机接在同一台交换机上：
// 双方互为下一跳，ARP 得一直能找到对方。
const lab = createLab({ topology: 'lan' });
const conn = lab.connect();

// 1 秒时拔掉客户端的网线，再也不插回去。
lab.at('1s', () => lab.client.unplug());
// 服务器发出一个客户端永远收不到的报文。
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '30m' });
