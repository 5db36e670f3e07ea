import { createLab } from 'tcp-lab';

// 一个往返要 20 毫秒。两端都在大约 13 秒后放弃，而不是一刻钟
//（tcp_retries2 为 5，和内核实验室跑这个程序时一样）。
const lab = createLab({
  rtt: '20ms',
  client: { sysctl: { tcp_retries2: 5 } },
  server: { sysctl: { tcp_retries2: 5 } },
});
const conn = lab.connect();

// 1 秒时笔记本换了个网络：旧地址没了，新的租约给了它另一个地址。
lab.at('1s', () => {
  lab.client.removeAddress();
  lab.client.addAddress();
});
// 2 秒时两端都要在旧连接上发点东西。
lab.at('2s', () => {
  conn.client.send('from the laptop');
  conn.server.send('from the server');
});
// 3 秒时应用新建一条连接，从新地址出发。
lab.at('3s', () => {
  const fresh = lab.connect();
  fresh.client.on('connect', () => console.log(`新连接在 ${lab.now()} 毫秒建立`));
});

conn.client.on('error', (errno) => console.log(`旧连接的客户端在 ${lab.now()} 毫秒收到 ${errno}`));
conn.server.on('error', (errno) => console.log(`旧连接的服务器在 ${lab.now()} 毫秒收到 ${errno}`));

lab.run();
