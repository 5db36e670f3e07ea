import { createLab } from 'tcp-lab';

// A round trip takes 20 ms. Both sides give up after about 13 s instead of a quarter of an hour
// (tcp_retries2 5, as in the kernel lab's run of this program).
const lab = createLab({
  rtt: '20ms',
  client: { sysctl: { tcp_retries2: 5 } },
  server: { sysctl: { tcp_retries2: 5 } },
});
const conn = lab.connect();

// At 1 s the laptop joins another network: its old address goes, a new lease gives it another.
lab.at('1s', () => {
  lab.client.removeAddress();
  lab.client.addAddress();
});
// At 2 s both sides have something to say on the old connection.
lab.at('2s', () => {
  conn.client.send('from the laptop');
  conn.server.send('from the server');
});
// At 3 s the application opens a new connection, from the new address.
lab.at('3s', () => {
  const fresh = lab.connect();
  fresh.client.on('connect', () => console.log(`new connection up at ${lab.now()} ms`));
});

conn.client.on('error', (errno) =>
  console.log(`old connection, client: ${errno} at ${lab.now()} ms`),
);
conn.server.on('error', (errno) =>
  console.log(`old connection, server: ${errno} at ${lab.now()} ms`),
);

lab.run();
