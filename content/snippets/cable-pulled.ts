import { createLab } from 'tcp-lab';

// The client is on a switch; the server sits in another network, behind routers
// (the lab's default topology). The client connects to it at t = 0.
const lab = createLab();
const conn = lab.connect();

// At 1 s someone pulls the client's cable...
lab.at('1s', () => lab.client.unplug());
// ...and plugs it back in at 5 minutes. Nobody sends anything meanwhile.
lab.at('5m', () => lab.client.plugIn());

// While the cable is out, ask both kernels what they think, like `ss -tn`.
lab.at('2m', () => {
  for (const s of [...lab.sockets('client'), ...lab.sockets('server')]) {
    console.log(`${s.host}: ${s.state} ${s.local} → ${s.peer}`);
  }
  console.log('client socket state:', conn.client.state);
});

lab.run({ until: '10m' });
