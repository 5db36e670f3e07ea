import { createLab } from 'tcp-lab';

const lab = createLab({
  rtt: '1ms', // a 1 ms path to the routed server: RTO = 1 ms + 200 ms
  // CONFIG_HZ: at 250 a jiffy is 4 ms and the RTO rounds up to 204 ms.
  hz: 1000,
  // A retransmission budget of 0.2 × (2^6 − 1) = 12.6 s.
  server: { sysctl: { tcp_retries2: 5 } },
});
const conn = lab.connect();

lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hello'));

lab.run({ until: '2m' });
