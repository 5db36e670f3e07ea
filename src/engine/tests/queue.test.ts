import { describe, expect, it } from 'vitest';
import { EventQueue, QUEUE_LATER, QUEUE_TAKEN, Timer } from '../queue.ts';

/** Run everything due by `until`, returning what ran (as the simulator does). */
function drain(q: EventQueue, until = Infinity): void {
  while (q.next(until) === QUEUE_TAKEN) q.runTaken();
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

describe('lanes', () => {
  it('merge with the heap in (time, scheduling order), as one heap would', () => {
    const q = new EventQueue();
    const log: string[] = [];
    const lane = q.lane((s: string) => log.push(`${s}@${q.now}`));
    const note = (s: unknown): void => void log.push(`${String(s)}@${q.now}`);
    q.schedule(20, note, 'heap 1');
    q.scheduleInLane(lane, 10, 'lane 1');
    q.scheduleInLane(lane, 20, 'lane 2');
    q.schedule(20, note, 'heap 2');
    q.scheduleInLane(lane, 30, 'lane 3');
    q.schedule(5, note, 'heap 0');
    expect(q.size).toBe(6);
    drain(q);
    expect(log).toEqual([
      'heap 0@5',
      'lane 1@10',
      'heap 1@20',
      'lane 2@20',
      'heap 2@20',
      'lane 3@30',
    ]);
    expect(q.size).toBe(0);
  });

  it('keep their order past their first ring size, taking and giving in turns', () => {
    const q = new EventQueue();
    const seen: number[] = [];
    const lane = q.lane((n: number) => seen.push(n));
    for (let i = 0; i < 40; i++) q.scheduleInLane(lane, i, i);
    drain(q, 9.5);
    for (let i = 40; i < 100; i++) q.scheduleInLane(lane, i, i);
    drain(q);
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('refuse an entry earlier than the one before it', () => {
    const q = new EventQueue();
    const lane = q.lane(() => {});
    q.scheduleInLane(lane, 50, undefined);
    expect(() => q.scheduleInLane(lane, 40, undefined)).toThrow(/lane/);
  });
});

describe('planned actions', () => {
  it('run in (time, order) with scheduled ones, as if all had been scheduled', () => {
    const q = new EventQueue();
    const log: string[] = [];
    const note = (s: string) => () => void log.push(`${s}@${q.now}`);
    q.plan(30, note('plan c'));
    q.schedule(20, note('heap a'));
    q.plan(20, note('plan b'));
    q.plan(10, note('plan a'));
    q.schedule(30, note('heap b'));
    expect(q.size).toBe(5);
    q.settlePlan();
    drain(q);
    expect(log).toEqual(['plan a@10', 'heap a@20', 'plan b@20', 'plan c@30', 'heap b@30']);
  });

  it('planned between two runs merge with those still waiting', () => {
    const q = new EventQueue();
    const log: number[] = [];
    q.plan(10, () => log.push(10));
    q.plan(40, () => log.push(40));
    q.settlePlan();
    drain(q, 20);
    q.plan(30, () => log.push(30));
    q.plan(50, () => log.push(50));
    q.settlePlan();
    drain(q);
    expect(log).toEqual([10, 30, 40, 50]);
  });
});

describe('timer', () => {
  it('re-armed later fires once, at the new time, in the order of its re-arming', () => {
    const q = new EventQueue();
    const log: string[] = [];
    const t = new Timer(q, null, () => log.push(`timer@${q.now}`));
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
    const t = new Timer(q, null, () => log.push(q.now));
    t.armAt(100);
    t.armAt(20);
    const u = new Timer(q, null, () => log.push(-q.now));
    u.armAt(50);
    u.cancel();
    expect(u.expires).toBeUndefined();
    drain(q);
    expect(log).toEqual([20]);
  });
});
