// Where things sit in the sequence diagram's SVG coordinate space (px).
import type { HostName } from 'tcp-lab';

export const geometry = {
  width: 660,
  clientX: 204,
  serverX: 520,
  /** Vertical room for the host headers above the first moment. */
  top: 58,
  bottom: 30,
  /** Where a lost arrow stops, measured from the lifeline of the host whose cable is out. */
  cutInset: 40,
  /** Smallest height of a segment's flight: room for its label and its neighbours'. */
  flightHeight: 34,
  /** Spacing of stacked labels that share a moment. */
  lineHeight: 15,
  tickX: 6,
  /** Ticks closer than this to the previous one are skipped. */
  tickSpacing: 14,
} as const;

export function hostX(host: HostName): number {
  return host === 'client' ? geometry.clientX : geometry.serverX;
}

/** The x where a cable cut at `host` interrupts the wire. */
export function cutX(host: HostName): number {
  return host === 'client'
    ? geometry.clientX + geometry.cutInset
    : geometry.serverX - geometry.cutInset;
}
