import { createLab } from 'tcp-lab';

// The load balancer that forgets a flow after 4 idle minutes.
const lab = createLab({
  middlebox: { kind: 'load-balancer', idleTimeout: '4m', onForgotten: 'drop' },
});
const conn = lab.connect();

// The client turns on keepalive with a probe after 60 idle seconds:
// every probe and its answer cross the load balancer.
conn.client.setKeepAlive(true, { idle: '60s', interval: '10s', count: 3 });

// Ten minutes in, the client sends its request.
lab.at('10m', () => conn.client.send('GET /'));

lab.run({ until: '11m' });
