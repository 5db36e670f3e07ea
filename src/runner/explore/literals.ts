// Finds one literal in a snippet by where it sits in the program, not by its text: "the `rtt`
// key of the object passed to createLab()", "the first argument of the lab.at() call that
// mentions plugIn". Sucrase's tokens (the runner's own TypeScript parser) make this robust to
// comments, spacing, quotes and to the reader moving lines around; anything that is no longer a
// plain literal is reported as such, never guessed at.
import { parse, type Token } from 'sucrase/dist/parser/index.js';
import { TokenType as T } from 'sucrase/dist/parser/tokenizer/types.js';

export interface LiteralAddress {
  /** The function or method called, e.g. 'createLab', 'setKeepAlive', 'at'. */
  call: string;
  /** Which of its arguments, from 0. */
  argument: number;
  /** Keys into object literals inside that argument, e.g. ['server', 'sysctl', 'tcp_retries2']. */
  path?: readonly string[];
  /** Only calls whose arguments mention this name (the lab.at() whose action is plugIn). */
  mentions?: string;
}

export type Located =
  | {
      status: 'found';
      start: number;
      end: number;
      value: number | string;
      /** The quote a string literal was written with, kept when it is rewritten. */
      quote?: string;
    }
  /** The code has no such call, argument or key (any more). */
  | { status: 'missing' }
  /** The place is there but holds an expression, e.g. a variable. */
  | { status: 'not-literal'; text: string }
  /** More than one call matches: which one a control means is not clear. */
  | { status: 'ambiguous'; count: number }
  /** The code does not parse. */
  | { status: 'unparsable'; message: string };

const OPEN = new Set([T.parenL, T.braceL, T.bracketL, T.dollarBraceL, T.braceBarL]);
const CLOSE = new Set([T.parenR, T.braceR, T.bracketR, T.braceBarR]);

/** A run of tokens, [from, to). */
type Range = readonly [number, number];

export function locateLiteral(source: string, address: LiteralAddress): Located {
  let tokens: Token[];
  try {
    tokens = parse(source, false, true, false).tokens;
  } catch (error) {
    return {
      status: 'unparsable',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const text = (i: number) => source.slice(tokens[i]!.start, tokens[i]!.end);

  const matching = (open: number): number => {
    let depth = 0;
    for (let i = open; i < tokens.length; i++) {
      if (OPEN.has(tokens[i]!.type)) depth++;
      else if (CLOSE.has(tokens[i]!.type) && --depth === 0) return i;
    }
    return tokens.length - 1;
  };
  /** The comma-separated items between an opening token and its match. */
  const items = (open: number): Range[] => {
    const close = matching(open);
    const out: Range[] = [];
    let from = open + 1;
    for (let i = open + 1; i < close; i++) {
      if (OPEN.has(tokens[i]!.type)) i = matching(i);
      else if (tokens[i]!.type === T.comma) {
        out.push([from, i]);
        from = i + 1;
      }
    }
    if (from < close) out.push([from, close]);
    return out;
  };
  const keyOf = (i: number): string | undefined => {
    const type = tokens[i]!.type;
    if (type === T.name) return text(i);
    if (type === T.string) return text(i).slice(1, -1);
    return undefined;
  };
  const follow = (range: Range, path: readonly string[]): Range | undefined => {
    let current = range;
    for (const key of path) {
      const [from, to] = current;
      if (tokens[from]!.type !== T.braceL || matching(from) !== to - 1) return undefined;
      const entry = items(from).find(
        ([a, b]) => b - a >= 3 && keyOf(a) === key && tokens[a + 1]!.type === T.colon,
      );
      if (!entry) return undefined;
      current = [entry[0] + 2, entry[1]];
    }
    return current;
  };

  const candidates: Range[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.type !== T.name || tokens[i + 1]!.type !== T.parenL) continue;
    if (text(i) !== address.call) continue;
    const args = items(i + 1);
    if (address.mentions !== undefined) {
      const [from, to] = [i + 2, matching(i + 1)];
      let mentioned = false;
      for (let k = from; k < to && !mentioned; k++) {
        mentioned = tokens[k]!.type === T.name && text(k) === address.mentions;
      }
      if (!mentioned) continue;
    }
    const argument = args[address.argument];
    const place = argument && follow(argument, address.path ?? []);
    if (place) candidates.push(place);
  }
  if (candidates.length === 0) return { status: 'missing' };
  if (candidates.length > 1) return { status: 'ambiguous', count: candidates.length };

  const [from, to] = candidates[0]!;
  const first = tokens[from]!;
  const last = tokens[to - 1]!;
  const span = { start: first.start, end: last.end };
  const count = to - from;
  if (count === 1 && first.type === T.num) {
    return { status: 'found', ...span, value: Number(text(from).replaceAll('_', '')) };
  }
  if (count === 2 && first.type === T.minus && tokens[from + 1]!.type === T.num) {
    return { status: 'found', ...span, value: -Number(text(from + 1).replaceAll('_', '')) };
  }
  if (count === 1 && first.type === T.string && !text(from).includes('\\')) {
    const raw = text(from);
    return { status: 'found', ...span, value: raw.slice(1, -1), quote: raw[0] };
  }
  // A template literal without substitutions: ` template `.
  if (
    count === 3 &&
    first.type === T.backQuote &&
    tokens[from + 1]!.type === T.template &&
    last.type === T.backQuote
  ) {
    return { status: 'found', ...span, value: text(from + 1), quote: '`' };
  }
  return { status: 'not-literal', text: source.slice(span.start, span.end) };
}

/** The source with the found literal's text replaced. */
export function replaceLiteral(
  source: string,
  found: { start: number; end: number },
  literal: string,
): string {
  return source.slice(0, found.start) + literal + source.slice(found.end);
}
