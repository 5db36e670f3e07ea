import { createLab } from 'tcp-lab';

// Every setting at its Linux default (tcp_retries2 = 15).
const lab = createLab();
const conn = lab.connect();

// The client's cable is pulled at 1 s and never comes back.
lab.at('1s', () => lab.client.unplug());
// The server sends one segment the client will never see.
lab.at('2s', () => conn.server.send('hello'));

// Give the server half an hour to make up its mind.
lab.run({ until: '30m' });
