import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 给客户端一个很小的接收缓冲区（SO_RCVBUF）：只装得下三个报文段，
// 这样它很快就会被填满。
conn.client.setReceiveBuffer(4344);

// 1 秒时客户端进程卡死：不再读数据。
lab.at('1s', () => lab.client.hangProcess());
// 2 秒时服务器给它写 10 kB；放不下的部分留在服务器的发送队列里。
lab.at('2s', () => conn.server.send(10_000));

lab.run({ until: '15m' });
