import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 服务器应用的写法和大多数服务器一样：读到 EOF（客户端说完了），
// 就把自己这一端也关掉。
conn.server.on('end', () => conn.server.close());

// 1 秒时客户端应用调用 close()，它的内核发出 FIN。
lab.at('1s', () => conn.client.close());

// 先关闭的客户端要在 TIME_WAIT 里等一阵，套接字才会消失。
lab.run({ until: '2m' });
