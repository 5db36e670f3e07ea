// The engine bench's memory scenario, in a process of its own: `n` connections with data both
// ways, an unplug with retransmissions, keepalive, heartbeats, a replug and closes. The bench
// bundles this file with the engine (as the site's worker gets it) and runs it with plain Node,
// so the figure is the engine's and not that of Node's TypeScript loader. Prints one JSON line.
import { createLab } from 'tcp-lab';

const n = Number(process.argv[2]);
const rssMB = () => process.memoryUsage.rss() / 2 ** 20;
const beforeMB = rssMB();

const lab = createLab({
  seed: 42,
  maxEvents: 500_000_000,
  server: { sysctl: { tcp_keepalive_time: 60, tcp_keepalive_intvl: 5 } },
});
const conns = Array.from({ length: n }, () => lab.connect());
conns.forEach((conn, i) => {
  conn.server.setKeepAlive(true);
  conn.client.heartbeat({ every: '5s', timeout: '60s' });
  for (let k = 0; k < 5; k++) {
    lab.at(1000 + (i % 1000) + k * 2000, () => conn.client.send(`request ${k}`));
    lab.at(1500 + (i % 1000) + k * 2000, () => conn.server.send(3000));
  }
  lab.at(20_000 + (i % 1000) * 10, () => conn.server.send(500));
  lab.at(200_000 + (i % 1000) * 10, () => conn.client.close());
});
lab.at(15_000, () => lab.client.unplug());
lab.at(75_000, () => lab.client.plugIn());
const r = lab.run({ until: '10m' });

console.log(
  JSON.stringify({
    beforeMB,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    events: r.stats.eventsProcessed,
    outcome: r.outcome.id,
  }),
);
