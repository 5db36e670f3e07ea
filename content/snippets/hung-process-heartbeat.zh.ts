import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 改用应用心跳：每 5 秒 ping 一次，15 秒收不到 pong 就放弃。
conn.server.heartbeat({ every: '5s', timeout: '15s' });

// 1 秒时客户端进程卡死。它的内核照样确认每一个 ping，
// 但 pong 永远不会回来了。
lab.at('1s', () => lab.client.hangProcess());

lab.run({ until: '5m' });
