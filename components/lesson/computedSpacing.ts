// Chinese text takes no space between a number with its unit and the next character ("15 分钟
// 45.3 秒放弃", "67%的连接"), but keeps one after a count or a name ("重传了 15 次"). The chapters' sources put
// a space after every <Computed> (and <Sweep>, <Measured>); this Markdown plugin takes it out where the value will end in a
// unit written in words (endsInWordUnit in formatValue.ts) and Chinese text follows.
import { endsInWordUnit, isValueFormat, startsWithCjk } from './formatValue';

interface TextNode {
  type: 'text';
  value: string;
}
interface Sibling {
  type: string;
  name?: string | null;
  attributes?: readonly { type: string; name?: string; value?: unknown }[];
}
/** The part of Sätteri's mdast visitor context the plugin uses. */
export interface SpacingContext {
  parent(node: TextNode): { children: readonly Sibling[] } | undefined;
  indexOf(node: TextNode): number | undefined;
  setProperty(node: TextNode, key: 'value', value: string): void;
}

function attribute(tag: Sibling, name: string): unknown {
  return tag.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
}

/** Whether the value a tag prints ends in a unit: a word ('秒') or a percent sign, not a bare count. */
function endsInUnit(tag: Sibling): boolean {
  if (tag.name === 'Measured') return attribute(tag, 'value') !== 'source'; // '15.62–15.64 秒'
  if (tag.name === 'Sweep') {
    const show = attribute(tag, 'show');
    if (show === 'share') return true; // '67%'
    if (show !== 'min' && show !== 'max') return false; // how many runs
  }
  const format = attribute(tag, 'format') ?? 'duration';
  return isValueFormat(format) && endsInWordUnit(format, 'zh');
}

/** The tags that print a value computed from a run, or measured on a kernel. */
const VALUE_TAGS = new Set(['Computed', 'Sweep', 'Measured']);

/** An mdast plugin for Sätteri, Astro's Markdown processor (astro.config.mjs). */
export const computedSpacing = {
  name: 'computed-spacing',
  text(node: TextNode, ctx: SpacingContext): void {
    const index = ctx.indexOf(node);
    const previous = index ? ctx.parent(node)?.children[index - 1] : undefined;
    if (previous?.type !== 'mdxJsxTextElement' || !VALUE_TAGS.has(previous.name ?? '')) return;
    if (!endsInUnit(previous)) return;
    const rest = node.value.replace(/^[ \t]+/, '');
    if (rest !== node.value && startsWithCjk(rest)) ctx.setProperty(node, 'value', rest);
  },
};
