import { createLab } from 'tcp-lab';

const lab = createLab();

// 客户端发起连接时，服务器的网线已经拔了。
lab.server.unplug();
// connect()：第一个 SYN 在 t = 0 发出，不会有人应答。
lab.connect();

lab.run({ until: '5m' });
