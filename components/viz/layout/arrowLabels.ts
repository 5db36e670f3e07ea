// Where an arrow's label goes, so that it reads along its wire and stays clear of its neighbours.
import type { SegmentRecord } from 'tcp-lab';
import { geometry } from './sequenceGeometry';

export interface LabelPlace {
  /** Where the label hangs from, on the segment's wire (drawn or not). */
  labelX: number;
  labelY: number;
  /** Rotation of the label so it runs along the wire (degrees, never upside down). */
  labelAngle: number;
  /** How the label hangs from (labelX, labelY): its middle, its left end or its right end. */
  labelAnchor: 'middle' | 'start' | 'end';
  /** Under the line instead of over it (to stay out of the wedge of a reply). */
  labelBelow: boolean;
}

/** The angle of a line in degrees, turned by half a circle if text along it would be upside down. */
export function readableAngle(x1: number, y1: number, x2: number, y2: number): number {
  let degrees = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
  if (degrees > 90) degrees -= 180;
  if (degrees < -90) degrees += 180;
  return Math.round(degrees * 100) / 100;
}

export interface DrawnArrow {
  segment: SegmentRecord;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lost: boolean;
  /** Where the wire ends at the receiver (drawn or not). */
  xTo: number;
  yTo: number;
}

/**
 * Where an arrow's label goes. By default in the middle of the wire, over the line. When a reply
 * leaves from the arrow's tip, or the arrow is itself a reply to one arriving where it starts,
 * the two lines meet in a narrow wedge: the label then moves to the open end of the wedge and
 * to the outer side of its line, so it never lies across its neighbour.
 */
export function placeLabel(a: DrawnArrow, all: DrawnArrow[]): LabelPlace {
  const near = geometry.flightHeight;
  const replyFromTip =
    !a.lost &&
    all.some(
      (b) =>
        b !== a &&
        ((b.segment.from === a.segment.to && Math.abs(b.y1 - a.yTo) < near) ||
          (!b.lost && b.segment.to === a.segment.to && Math.abs(b.y2 - a.yTo) < near)),
    );
  const answersArrival = all.some(
    (b) => b !== a && !b.lost && b.segment.to === a.segment.from && Math.abs(b.y2 - a.y1) < near,
  );
  const angle = readableAngle(a.x1, a.y1, a.xTo, a.yTo);
  const onWire = (x: number) => a.y1 + ((a.yTo - a.y1) * (x - a.x1)) / (a.xTo - a.x1 || 1);
  const inset = 14;
  if (replyFromTip !== answersArrival) {
    // The wedge's vertex is at the receiver (reply from the tip) or at the sender (answering).
    const vertexX = replyFromTip ? a.xTo : a.x1;
    const farX = vertexX === geometry.clientX ? geometry.serverX - inset : geometry.clientX + inset;
    return {
      labelX: farX,
      labelY: onWire(farX),
      labelAngle: angle,
      labelAnchor: farX > vertexX ? 'end' : 'start',
      // A reply departs below the arrow; an answer's question arrived above it.
      labelBelow: answersArrival,
    };
  }
  const midX = (a.x1 + a.xTo) / 2;
  return {
    labelX: midX,
    labelY: onWire(midX),
    labelAngle: angle,
    labelAnchor: 'middle',
    labelBelow: false,
  };
}
