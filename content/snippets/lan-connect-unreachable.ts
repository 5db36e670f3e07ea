import { createLab } from 'tcp-lab';

// Both hosts on one switch: the server is the client's next hop.
const lab = createLab({ topology: 'lan' });

// The server's cable is already out when the client tries to connect.
lab.server.unplug();
// connect(): the SYN first waits for ARP to find the server's address.
lab.connect();

lab.run({ until: '5m' });
