// The lesson's scenarios run through the real engine, for the component tests: what the
// components draw must come from what the simulator actually did. With the textbook timing
// (timerWheel: false), so the times are those of the reference timelines.
import { createLab, type RunResult } from 'tcp-lab';

/** The client's cable is pulled at 1 s; the server sends at 2 s; maybe the cable returns at 21 s. */
export function unplugWithData({ replug }: { replug: boolean }): RunResult {
  const lab = createLab({ timerWheel: false });
  const conn = lab.connect();
  lab.at('1s', () => lab.client.unplug());
  lab.at('2s', () => conn.server.send('hello'));
  if (replug) lab.at('21s', () => lab.client.plugIn());
  return lab.run({ until: replug ? '2m' : '20m' });
}

/** An idle connection whose client cable is pulled at 1 s, with or without server keepalive. */
export function idleUnplugged({ keepalive }: { keepalive: boolean }): RunResult {
  const lab = createLab({ timerWheel: false });
  const conn = lab.connect();
  if (keepalive) conn.server.setKeepAlive(true);
  lab.at('1s', () => lab.client.unplug());
  return lab.run({ until: '3h' });
}

/** Keepalive on (defaults); the first two probes die in the pulled cable, the third is answered. */
export function keepaliveAfterReplug(): RunResult {
  const lab = createLab({ timerWheel: false });
  const conn = lab.connect();
  conn.server.setKeepAlive(true);
  lab.at('1s', () => lab.client.unplug());
  lab.at('2h 2m', () => lab.client.plugIn());
  return lab.run({ until: '2h 30m' });
}

/** The server crashes at 1 s and boots at 10 s; the client sends at 20 s and meets an RST. */
export function rebootReset(): RunResult {
  const lab = createLab({ timerWheel: false });
  const conn = lab.connect();
  lab.at('1s', () => lab.server.crash());
  lab.at('10s', () => lab.server.boot());
  lab.at('20s', () => conn.client.send('still there?'));
  return lab.run({ until: '1m' });
}
