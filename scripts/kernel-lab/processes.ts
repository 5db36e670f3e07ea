// Every process, namespace and temporary directory the lab creates is registered here, so that exit, an error or
// Ctrl+C can end exactly those (by PID) and delete exactly those namespaces.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { rmSync } from 'node:fs';

const children = new Set<ChildProcess>();
const namespaces = new Set<string>();
const directories = new Set<string>();

export class SetupError extends Error {}

/** Spawn a long-running helper; it is killed by PID on cleanup. */
export function start(cmd: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.stdin?.on('error', () => undefined); // a child that exits without reading its input
  return child;
}

/** Run a short command to completion; a non-zero exit is a SetupError naming it. */
export async function run(cmd: string, args: string[], input?: string): Promise<string> {
  const child = start(cmd, args);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  child.stderr!.on('data', (d: Buffer) => (err += d));
  child.stdin!.end(input ?? '');
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0)
    throw new SetupError(
      `${cmd} ${args.join(' ')} exited with ${code}: ${err.trim() || out.trim()}`,
    );
  return out;
}

/** A temporary directory (captures) to remove on cleanup. */
export function trackDirectory(path: string): void {
  directories.add(path);
}
export function removeDirectory(path: string): void {
  rmSync(path, { recursive: true, force: true });
  directories.delete(path);
}

export function trackNamespace(name: string): void {
  namespaces.add(name);
}
export function untrackNamespace(name: string): void {
  namespaces.delete(name);
}

/** Synchronous, so it also works from an exit handler: kill our children, delete our namespaces. */
export function cleanUpEverything(): void {
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(child.pid, 'SIGCONT'); // a stopped ("hung") endpoint must wake to die
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  children.clear();
  for (const ns of namespaces) spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
  namespaces.clear();
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  directories.clear();
}
