import { createLab } from 'tcp-lab';

// The client sits behind a NAT that keeps an idle mapping for 2 h 4 min,
// the shortest RFC 5382 allows.
const lab = createLab({
  middlebox: { kind: 'nat', idleTimeout: '2h 4m' },
});
const conn = lab.connect();

// After three quiet hours the server pushes a notification to the client.
lab.at('3h', () => conn.server.send('you have mail'));

lab.run();
