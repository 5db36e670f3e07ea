import { createLab } from 'tcp-lab';

const lab = createLab();
const conn = lab.connect();

// Application code, like nginx's `keepalive_timeout 75s`:
// close a connection that has been idle for 75 seconds.
conn.server.closeWhenIdle('75s');

// The client's cable is pulled at 1 s and never comes back.
lab.at('1s', () => lab.client.unplug());

// Where does the server's FIN go? Watch the server's socket after close().
lab.run({ until: '5m' });
