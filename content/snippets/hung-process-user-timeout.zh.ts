import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 写数据的一方设置 TCP_USER_TIMEOUT：30 秒。
conn.server.setUserTimeout('30s');

// 1 秒时客户端进程卡死；2 秒时服务器给它写 200 kB。
lab.at('1s', () => lab.client.hangProcess());
lab.at('2s', () => conn.server.send(200_000));

lab.run({ until: '1h' });
