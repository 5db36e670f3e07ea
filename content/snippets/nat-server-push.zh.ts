import { createLab } from 'tcp-lab';

// 客户端在一台 NAT 后面，NAT 把空闲的映射保留 2 小时 4 分钟，
// 这是 RFC 5382 允许的最短时间。
const lab = createLab({
  middlebox: { kind: 'nat', idleTimeout: '2h 4m' },
});
const conn = lab.connect();

// 安静了三个小时之后，服务器向客户端推送一条通知。
lab.at('3h', () => conn.server.send('you have mail'));

lab.run();
