import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// TCP_USER_TIMEOUT：发出的数据超过 10 秒没被确认，就放弃连接。
conn.server.setUserTimeout('10s');

lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '5m' });
