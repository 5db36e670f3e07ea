import { createLab } from 'tcp-lab';

// The load balancer that forgets a flow after 4 idle minutes.
const lab = createLab({
  middlebox: { kind: 'load-balancer', idleTimeout: '4m', onForgotten: 'drop' },
});
const conn = lab.connect();

// Application code: the client pings every 30 s and gives up when no pong
// has come back for 90 s. The server answers every ping.
conn.client.heartbeat({ every: '30s', timeout: '90s' });

// Ten minutes in, the client sends its request.
lab.at('10m', () => conn.client.send('GET /'));

lab.run({ until: '11m' });
