import { createLab } from 'tcp-lab';

// A load balancer sits between the hosts. It forgets a flow that has been
// idle for 4 minutes and then drops its segments without a word.
const lab = createLab({
  middlebox: { kind: 'load-balancer', idleTimeout: '4m', onForgotten: 'drop' },
});
const conn = lab.connect();

// Nobody sends anything for 10 minutes; then the client sends a request.
lab.at('10m', () => conn.client.send('GET /'));

lab.run();
