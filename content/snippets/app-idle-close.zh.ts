import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 应用代码，相当于 nginx 的 `keepalive_timeout 75s`：
// 连接空闲 75 秒就关掉。
conn.server.closeWhenIdle('75s');

// 1 秒时拔掉客户端的网线，再也不插回去。
lab.at('1s', () => lab.client.unplug());

// 服务器的 FIN 去了哪里？看看 close() 之后服务器的套接字。
lab.run({ until: '5m' });
