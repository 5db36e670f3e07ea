import { describe, expect, it } from 'vitest';
import { isLeaf, leaves, lessonTree, pathTo } from './lessonTree';
import { outcomeChapter } from './chapters';
import { outcomeIds } from './outcomeMeta';
import { vizStrings } from './strings';

describe('the lesson tree', () => {
  it('has every outcome as exactly one leaf', () => {
    const ids = leaves().map((l) => l.outcome);
    expect([...ids].sort()).toEqual([...outcomeIds].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('finds the path from the root to a leaf', () => {
    const path = pathTo('keepalive-detects-dead-peer');
    expect(path[0]).toBe(lessonTree);
    const last = path[path.length - 1]!;
    expect(isLeaf(last) && last.outcome).toBe('keepalive-detects-dead-peer');
    expect(path.map((n) => n.answer ?? 'root')).toEqual([
      'root',
      'cable',
      'idle',
      'keepalive',
      'replugNo',
    ]);
  });
  it('reaches the hung process from "a process or a host failed", and leads to the chapter that shows it', () => {
    const path = pathTo('peer-process-hung');
    expect(path.map((n) => n.answer ?? 'root')).toEqual(['root', 'failure', 'processHangs']);
    expect(outcomeChapter['peer-process-hung']).toBe('crashes');
  });
  it('has words for every question and answer in both languages', () => {
    const walk = (node: typeof lessonTree | ReturnType<typeof leaves>[number]): string[] => [
      ...(node.answer ? [node.answer] : []),
      ...(isLeaf(node) ? [] : [node.question, ...node.children.flatMap(walk)]),
    ];
    for (const lang of ['zh', 'en'] as const) {
      const tree = vizStrings(lang).tree;
      for (const key of walk(lessonTree))
        expect(tree[key as keyof typeof tree], `${lang}:${key}`).toBeTruthy();
    }
  });
});
