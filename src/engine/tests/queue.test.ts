import { describe, expect, it } from 'vitest';
import { EventQueue, QUEUE_EMPTY, QUEUE_LATER, Timer } from '../queue.ts';

/** Run everything due by `until`, returning what ran (as the simulator does). */
function drain(q: EventQueue, until = Infinity): void {
  for (;;) {
    const slot = q.next(until);
    if (slot === QUEUE_EMPTY || slot === QUEUE_LATER) return;
    const run = q.actionOf(slot);
    const arg = q.argOf(slot);
    q.release(slot);
    run(arg);
  }
}

describe('event queue', () => {
  it('runs entries by time, then in the order they were scheduled', () => {
    const q = new EventQueue();
    const log: string[] = [];
    const note = (s: unknown): void => void log.push(`${String(s)}@${q.now}`);
    q.schedule(30, note, 'c');
    q.schedule(10, note, 'a');
    q.schedule(30, note, 'd');
    q.schedule(10, note, 'b');
    q.schedule(
      20,
      (s) => {
        note(s);
        q.schedule(20, note, 'same time, scheduled later');
      },
      'x',
    );
    drain(q);
    expect(log).toEqual(['a@10', 'b@10', 'x@20', 'same time, scheduled later@20', 'c@30', 'd@30']);
  });

  it('keeps order over thousands of entries with recycled slots', () => {
    const q = new EventQueue();
    const seen: number[] = [];
    let x = 7;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      q.schedule(x % 1000, (v: number) => seen.push(v), (x % 1000) * 10000 + i);
    }
    drain(q);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen).toHaveLength(5000);
    expect(q.size).toBe(0);
  });

  it('stops before an entry later than `until` without moving the clock', () => {
    const q = new EventQueue();
    q.schedule(50, () => {});
    expect(q.next(40)).toBe(QUEUE_LATER);
    expect(q.now).toBe(0);
  });
});

describe('timer', () => {
  it('re-armed later fires once, at the new time, in the order of its re-arming', () => {
    const q = new EventQueue();
    const log: string[] = [];
    const t = new Timer(q, () => log.push(`timer@${q.now}`));
    t.armAt(10);
    q.schedule(40, () => log.push('before@40'));
    t.armAt(40); // postponed in place: now after the entry scheduled before it
    q.schedule(40, () => log.push('after@40'));
    expect(t.expires).toBe(40);
    drain(q);
    expect(log).toEqual(['before@40', 'timer@40', 'after@40']);
    expect(t.pending).toBe(false);
  });

  it('re-armed earlier or cancelled never fires at its old time', () => {
    const q = new EventQueue();
    const log: number[] = [];
    const t = new Timer(q, () => log.push(q.now));
    t.armAt(100);
    t.armAt(20);
    const u = new Timer(q, () => log.push(-q.now));
    u.armAt(50);
    u.cancel();
    expect(u.expires).toBeUndefined();
    drain(q);
    expect(log).toEqual([20]);
  });
});
