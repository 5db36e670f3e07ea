import { createLab } from 'tcp-lab';

// The same load balancer, but when it forgets the idle flow it sends an RST
// to both ends at that moment.
const lab = createLab({
  middlebox: { kind: 'load-balancer', idleTimeout: '4m', onForgotten: 'rst' },
});
const conn = lab.connect();

// Nobody sends anything for 10 minutes; then the client sends a request.
lab.at('10m', () => conn.client.send('GET /'));

lab.run();
