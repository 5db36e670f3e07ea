import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// The client's cable is pulled at 1 s.
lab.at('1s', () => lab.client.unplug());
// At 2 s the server sends something. The segment dies at the switch.
lab.at('2s', () => conn.server.send('hello'));
// The cable is back at 21 s. Watch when the data actually arrives.
lab.at('21s', () => lab.client.plugIn());

lab.run({ until: '30m' });
