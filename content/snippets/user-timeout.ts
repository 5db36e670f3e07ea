import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// TCP_USER_TIMEOUT: give up once sent data is unacknowledged for 10 s.
conn.server.setUserTimeout('10s');

lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '5m' });
