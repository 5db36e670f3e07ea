// How each outcome looks: its tone (colour and icon), shared by the card and the decision tree.
import type { OutcomeId } from 'tcp-lab';

/** alive: the connection lives on · timeout: a timer ended it · reset: an RST or FIN ended it ·
 *  limbo: nobody knows yet, or ever. */
export type OutcomeTone = 'alive' | 'timeout' | 'reset' | 'limbo';

export const outcomeTone: Record<OutcomeId, OutcomeTone> = {
  'survives-after-replug': 'alive',
  'keepalive-answered': 'alive',
  'still-established': 'alive',
  'closed-normally': 'alive',
  'sender-aborts': 'timeout',
  'keepalive-detects-dead-peer': 'timeout',
  'user-timeout': 'timeout',
  'connect-timeout': 'timeout',
  'app-heartbeat-detects': 'timeout',
  'app-idle-close': 'timeout',
  'middlebox-drop': 'timeout',
  'peer-reset-after-abort': 'reset',
  'host-reboot-reset': 'reset',
  'process-crash': 'reset',
  'middlebox-reset': 'reset',
  'idle-forever': 'limbo',
  'host-crash': 'limbo',
  'unplugged-side-unreachable': 'limbo',
  'peer-process-hung': 'limbo',
  'interface-down': 'timeout',
  'address-changed': 'timeout',
};

export const outcomeIds = Object.keys(outcomeTone) as OutcomeId[];
