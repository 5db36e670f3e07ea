import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// 1 秒时拔掉客户端的网线。
lab.at('1s', () => lab.client.unplug());
// 2 秒时服务器发了点东西，这个报文在交换机上丢了。
lab.at('2s', () => conn.server.send('hello'));
// 21 秒时网线插回。注意数据到底是什么时候送到的。
lab.at('21s', () => lab.client.plugIn());

lab.run({ until: '30m' });
