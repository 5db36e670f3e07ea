import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 写数据的一方设置 TCP_USER_TIMEOUT：30 秒。
conn.server.setUserTimeout('30s');
// 给客户端一个很小的接收缓冲区（SO_RCVBUF）：只装得下三个报文段。
conn.client.setReceiveBuffer(4344);

// 1 秒时客户端进程卡死；2 秒时服务器给它写 10 kB。
lab.at('1s', () => lab.client.hangProcess());
lab.at('2s', () => conn.server.send(10_000));

lab.run({ until: '15m' });
