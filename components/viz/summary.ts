// Figures a reader wants from a run, derived from the public result only.
import type { ConnectionResult, LabEvent, RunResult } from 'tcp-lab';

/** Host actions that break the connection's path or its peer. */
const DISRUPTIONS: ReadonlySet<string> = new Set([
  'unplug',
  'crash',
  'kill-process',
  'hang-process',
  'interface-down',
  'address-change',
  'suspend',
]);

/** The connection a view shows: #conn, or the first one. */
export function connectionOf(result: RunResult, conn = 0): ConnectionResult {
  return (
    result.connections[conn] ?? {
      conn: 0,
      client: result.client,
      server: result.server,
      outcome: result.outcome,
    }
  );
}

/** The run's first host action that breaks the connection's path or its peer, if any. */
export function firstDisruption(result: RunResult): LabEvent | undefined {
  return result.events.find((e) => e.kind === 'host' && DISRUPTIONS.has(e.action));
}

/** From the first disruption to the first error an application saw, if both happened. */
export function detection(
  result: RunResult,
  connection: ConnectionResult,
): { disruptedAt: number; detectedAt: number; after: number } | undefined {
  const disruption = firstDisruption(result);
  if (!disruption) return undefined;
  const errors = [connection.client.errorAt, connection.server.errorAt].filter(
    (t): t is number => t !== undefined && t >= disruption.t,
  );
  if (errors.length === 0) return undefined;
  const detectedAt = Math.min(...errors);
  return { disruptedAt: disruption.t, detectedAt, after: detectedAt - disruption.t };
}
