/**
 * A socket's segments in sequence order: those sent and not yet acknowledged (the kernel's
 * tcp_rtx_queue), then those not yet sent (sk_write_queue). Acknowledged segments leave from the
 * front, so the front is an index that moves, not an array shift: a bulk transfer keeps tens of
 * thousands of segments queued, and shifting them all on every ACK would make its cost grow with
 * the square of its size.
 */
import type { Skb } from '../frame.ts';

export class WriteQueue {
  private items: Skb[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  /** The i-th segment from the front (0: the oldest unacknowledged). */
  at(i: number): Skb | undefined {
    return this.items[this.head + i];
  }

  push(skb: Skb): void {
    this.items.push(skb);
  }

  /** Remove the front segment. */
  shift(): Skb | undefined {
    if (this.head >= this.items.length) return undefined;
    const skb = this.items[this.head]!;
    this.items[this.head] = undefined as unknown as Skb;
    this.head += 1;
    // Drop the spent front once it is half the array: amortised constant time per segment.
    if (this.head > 64 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return skb;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
