import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 1 秒时客户端进程卡死：不再读数据。
lab.at('1s', () => lab.client.hangProcess());
// 2 秒时服务器给它写 200 kB；客户端的接收缓冲区满了之后，
// 剩下的留在服务器的发送队列里。
lab.at('2s', () => conn.server.send(200_000));

lab.run({ until: '1h' });
