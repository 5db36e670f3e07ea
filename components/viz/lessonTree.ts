// The whole lesson as one tree: each question splits on what the reader can change, and every
// outcome the engine can report is exactly one leaf.
import type { OutcomeId } from 'tcp-lab';
import type { VizStrings } from './strings';

type TreeKey = keyof VizStrings['tree'];

export interface QuestionNode {
  /** The answer that leads here from the parent (absent at the root). */
  answer?: TreeKey;
  question: TreeKey;
  children: TreeNode[];
}

export interface LeafNode {
  answer?: TreeKey;
  outcome: OutcomeId;
}

export type TreeNode = QuestionNode | LeafNode;

export function isLeaf(node: TreeNode): node is LeafNode {
  return 'outcome' in node;
}

export const lessonTree: QuestionNode = {
  question: 'root',
  children: [
    {
      answer: 'cable',
      question: 'dataInFlight',
      children: [
        {
          answer: 'yesData',
          question: 'replugData',
          children: [
            { answer: 'replugYes', outcome: 'survives-after-replug' },
            {
              answer: 'replugNo',
              question: 'peerSpeaks',
              children: [
                { answer: 'peerSilent', outcome: 'sender-aborts' },
                { answer: 'peerSends', outcome: 'peer-reset-after-abort' },
              ],
            },
            { answer: 'userTimeout', outcome: 'user-timeout' },
          ],
        },
        { answer: 'unpluggedSends', outcome: 'unplugged-side-unreachable' },
        {
          answer: 'idle',
          question: 'watcher',
          children: [
            { answer: 'nobody', outcome: 'idle-forever' },
            {
              answer: 'keepalive',
              question: 'replugProbes',
              children: [
                { answer: 'replugYes', outcome: 'keepalive-answered' },
                { answer: 'replugNo', outcome: 'keepalive-detects-dead-peer' },
              ],
            },
            { answer: 'appIdle', outcome: 'app-idle-close' },
            { answer: 'appHeartbeat', outcome: 'app-heartbeat-detects' },
          ],
        },
        { answer: 'connecting', outcome: 'connect-timeout' },
      ],
    },
    {
      answer: 'ownNetwork',
      question: 'whatWentAway',
      children: [
        { answer: 'interfaceDown', outcome: 'interface-down' },
        { answer: 'newAddress', outcome: 'address-changed' },
      ],
    },
    {
      answer: 'failure',
      question: 'whatFailed',
      children: [
        { answer: 'processDies', outcome: 'process-crash' },
        { answer: 'hostCrashes', outcome: 'host-crash' },
        { answer: 'hostReboots', outcome: 'host-reboot-reset' },
        { answer: 'processHangs', outcome: 'peer-process-hung' },
      ],
    },
    {
      answer: 'middlebox',
      question: 'forgottenThen',
      children: [
        { answer: 'dropsSilently', outcome: 'middlebox-drop' },
        { answer: 'resetsBoth', outcome: 'middlebox-reset' },
      ],
    },
    {
      answer: 'nothing',
      question: 'howEnds',
      children: [
        { answer: 'keepOpen', outcome: 'still-established' },
        { answer: 'bothClose', outcome: 'closed-normally' },
      ],
    },
  ],
};

/** Every leaf, in reading order. */
export function leaves(node: TreeNode = lessonTree): LeafNode[] {
  return isLeaf(node) ? [node] : node.children.flatMap((child) => leaves(child));
}

/** The nodes from the root down to the leaf of `outcome` (empty when it is not in the tree). */
export function pathTo(outcome: OutcomeId, node: TreeNode = lessonTree): TreeNode[] {
  if (isLeaf(node)) return node.outcome === outcome ? [node] : [];
  for (const child of node.children) {
    const below = pathTo(outcome, child);
    if (below.length) return [node, ...below];
  }
  return [];
}
