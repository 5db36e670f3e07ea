// What the lab needs from the machine, and what it records about the kernel.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PYTHON } from './realtime.ts';
import { PREFIX } from './topology.ts';

/** Debian packages that provide each tool the lab runs. */
const TOOLS: Record<string, string> = {
  ip: 'iproute2',
  ss: 'iproute2',
  tcpdump: 'tcpdump',
  sysctl: 'procps',
  python3: 'python3',
};

const has = (cmd: string) =>
  cmd === 'python3' ? existsSync(PYTHON) || commandExists('python3') : commandExists(cmd);

function commandExists(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Why the lab cannot run here, or undefined when it can (installing missing tools as root). */
export function whyNot(): string | undefined {
  if (process.platform !== 'linux')
    return `the kernel lab needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'the kernel lab needs root (network namespaces)';
  const missing = Object.keys(TOOLS).filter((t) => !has(t));
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((t) => TOOLS[t]!))];
    if (commandExists('apt-get')) {
      console.log(`Installing ${packages.join(' ')} (missing: ${missing.join(', ')})`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      const update = spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
      const install = spawnSync('apt-get', ['install', '-y', '-q', ...packages], {
        stdio: 'inherit',
        env,
      });
      if (update.status !== 0 || install.status !== 0)
        return `could not install ${packages.join(' ')}; install them with: apt-get install -y ${packages.join(' ')}`;
    } else {
      return `missing ${missing.join(', ')}; install the packages ${packages.join(' ')} (Debian/Ubuntu: apt-get install -y ${packages.join(' ')})`;
    }
  }
  const probe = `${PREFIX}${process.pid}-probe`;
  const add = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  spawnSync('ip', ['netns', 'del', probe], { stdio: 'ignore' });
  if (add.status !== 0) return `network namespaces are not available: ${add.stderr.trim()}`;
  return undefined;
}

/** Namespaces a lab left behind when it was killed outright: ours by prefix, owner gone. */
export function removeLeftovers(): string[] {
  const list = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  const removed: string[] = [];
  for (const line of list.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const owner = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (!owner) continue;
    const pid = Number(owner[1]);
    if (pid === process.pid || alive(pid)) continue;
    // What still runs inside it (a capture, say) was started by that lab: end it by PID.
    const pids = spawnSync('ip', ['netns', 'pids', name], { encoding: 'utf8' }).stdout ?? '';
    for (const p of pids.split(/\s+/).filter(Boolean)) {
      try {
        process.kill(Number(p), 'SIGKILL');
      } catch {
        // gone already
      }
    }
    spawnSync('ip', ['netns', 'del', name], { stdio: 'ignore' });
    removed.push(name);
  }
  // And its capture directories.
  for (const entry of readdirSync(tmpdir())) {
    const owner = new RegExp(`^${PREFIX}(\\d+)-`).exec(entry);
    if (owner && Number(owner[1]) !== process.pid && !alive(Number(owner[1])))
      rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** CONFIG_HZ, and where it was read: the kernel's config, or the jiffies counter's rate. */
export async function kernelInfo(): Promise<{ release: string; hz: number; hzSource: string }> {
  const rel = release();
  const fromConfig = (text: string) => /^CONFIG_HZ=(\d+)$/m.exec(text)?.[1];
  const boot = `/boot/config-${rel}`;
  if (existsSync(boot)) {
    const hz = fromConfig(readFileSync(boot, 'utf8'));
    if (hz) return { release: rel, hz: Number(hz), hzSource: boot };
  }
  if (existsSync('/proc/config.gz')) {
    const hz = fromConfig(gunzipSync(readFileSync('/proc/config.gz')).toString('utf8'));
    if (hz) return { release: rel, hz: Number(hz), hzSource: '/proc/config.gz' };
  }
  // No config: count jiffies over two seconds (/proc/timer_list prints the counter).
  const jiffies = () =>
    Number(/^jiffies: (\d+)/m.exec(readFileSync('/proc/timer_list', 'utf8'))?.[1]);
  const t1 = performance.now();
  const j1 = jiffies();
  await new Promise((r) => setTimeout(r, 2000));
  const rate = (jiffies() - j1) / ((performance.now() - t1) / 1000);
  const hz = [100, 250, 300, 1000].reduce((a, b) =>
    Math.abs(b - rate) < Math.abs(a - rate) ? b : a,
  );
  return {
    release: rel,
    hz,
    hzSource: `jiffies advanced ${rate.toFixed(1)}/s in /proc/timer_list`,
  };
}
