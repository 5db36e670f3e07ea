import { createLab } from 'tcp-lab';

// The same scene as sender-aborts, but both hosts sit on one switch:
// each is the other's next hop, and ARP has to keep finding it.
const lab = createLab({ topology: 'lan' });
const conn = lab.connect();

// The client's cable is pulled at 1 s and never comes back.
lab.at('1s', () => lab.client.unplug());
// The server sends one segment the client will never see.
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '30m' });
