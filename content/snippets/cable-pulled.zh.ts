import { createLab } from 'tcp-lab';

// 客户端接在一台交换机上，服务器在另一个网络里，中间隔着路由器
// （实验室默认的拓扑）。客户端在 t = 0 时连上服务器。
const lab = createLab();
const conn = lab.connect();

// 1 秒时，有人拔掉了客户端的网线……
lab.at('1s', () => lab.client.unplug());
// ……5 分钟时又插了回去。这期间谁都没发数据。
lab.at('5m', () => lab.client.plugIn());

// 网线拔着的时候，问问两边的内核怎么看，相当于 `ss -tn`。
lab.at('2m', () => {
  for (const s of [...lab.sockets('client'), ...lab.sockets('server')]) {
    console.log(`${s.host}: ${s.state} ${s.local} → ${s.peer}`);
  }
  console.log('客户端套接字的状态：', conn.client.state);
});

lab.run({ until: '10m' });
