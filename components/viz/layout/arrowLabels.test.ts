import { describe, expect, it } from 'vitest';
import { handmadeAbort } from '../fixtures/handmade';
import { layoutSequence } from './sequence';
import { geometry } from './sequenceGeometry';

describe('arrow labels in the handshake', () => {
  const [syn, synAck, ack, data] = layoutSequence(handmadeAbort).arrows;

  it('moves the label of a question away from the reply leaving its tip', () => {
    // The SYN-ACK leaves the server where the SYN lands: the SYN's label hugs the client side.
    expect(syn).toMatchObject({ labelAnchor: 'start', labelBelow: false });
    expect(syn!.labelX).toBeLessThan((geometry.clientX + geometry.serverX) / 2);
  });

  it('puts the label of an answer under its line, away from its question', () => {
    // The ACK leaves the client where the SYN-ACK lands: its label hugs the server side, below.
    expect(ack).toMatchObject({ labelAnchor: 'end', labelBelow: true });
    expect(ack!.labelX).toBeGreaterThan((geometry.clientX + geometry.serverX) / 2);
  });

  it('keeps a label in the middle when wedges open on both sides, or none', () => {
    expect(synAck).toMatchObject({ labelAnchor: 'middle' });
    expect(data).toMatchObject({ labelAnchor: 'middle', labelBelow: false });
  });

  it('keeps every label on its wire, rotated along it', () => {
    for (const a of [syn!, synAck!, ack!]) {
      const t = (a.labelX - a.x1) / (a.x2 - a.x1);
      expect(a.labelY).toBeCloseTo(a.y1 + t * (a.y2 - a.y1), 6);
      expect(Math.abs(a.labelAngle)).toBeLessThan(90);
    }
  });
});
