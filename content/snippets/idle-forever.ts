import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// The client's cable is pulled at 1 s and never comes back.
lab.at('1s', () => lab.client.unplug());
// Nobody sends anything, and nobody turned keepalive on.

// Almost three hours later, what does the server's kernel think?
lab.at('2h 59m', () => console.log('server socket:', conn.server.state));

lab.run({ until: '3h' });
