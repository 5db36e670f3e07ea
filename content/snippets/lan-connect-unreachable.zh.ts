import { createLab } from 'tcp-lab';

// 两台主机接在同一台交换机上：服务器就是客户端的下一跳。
const lab = createLab({ topology: 'lan' });

// 客户端发起连接时，服务器的网线已经拔掉了。
lab.server.unplug();
// connect()：SYN 得先等 ARP 查到服务器的地址。
lab.connect();

lab.run({ until: '5m' });
