// Reads the lesson components' tags out of a chapter's MDX source, so tests can check every
// <Computed>, <Predict> and <Playground> without building the site: string attributes as they
// are, `{…}` attributes evaluated as the JavaScript literals they are.
export interface MdxTag {
  name: string;
  /** 1-based line where the tag starts. */
  line: number;
  attributes: Record<string, unknown>;
  /** Text between the opening and closing tag ('' for a self-closing tag). */
  children: string;
}

/** The end of the opening tag starting at `from`: skips quotes and braces. */
export function openingTagEnd(source: string, from: number): { end: number; selfClosing: boolean } {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < source.length; i++) {
    const ch = source[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || (ch === '`' && depth > 0)) quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (depth === 0 && ch === '>') return { end: i + 1, selfClosing: source[i - 1] === '/' };
  }
  throw new Error(`Unterminated tag starting at offset ${from}.`);
}

function parseAttributes(text: string): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  let i = 0;
  while (i < text.length) {
    const match = /^\s*([A-Za-z][\w:-]*)(\s*=\s*)?/.exec(text.slice(i));
    if (!match || match[0].trim() === '') break;
    const name = match[1]!;
    i += match[0].length;
    if (!match[2]) {
      attributes[name] = true;
      continue;
    }
    const quote = text[i];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, i + 1);
      attributes[name] = text.slice(i + 1, close);
      i = close + 1;
    } else if (quote === '{') {
      let depth = 0;
      let j = i;
      let inString: string | undefined;
      for (; j < text.length; j++) {
        const ch = text[j]!;
        if (inString) {
          if (ch === '\\') j++;
          else if (ch === inString) inString = undefined;
        } else if (ch === '"' || ch === "'" || ch === '`') inString = ch;
        else if (ch === '{') depth++;
        else if (ch === '}' && --depth === 0) break;
      }
      attributes[name] = new Function(`return (${text.slice(i + 1, j)});`)() as unknown;
      i = j + 1;
    } else {
      throw new Error(`Cannot read the value of attribute ${name}.`);
    }
  }
  return attributes;
}

export function findTags(source: string, name: string): MdxTag[] {
  const tags: MdxTag[] = [];
  const opening = new RegExp(`<${name}(?=[\\s/>])`, 'g');
  for (const match of source.matchAll(opening)) {
    const start = match.index;
    const { end, selfClosing } = openingTagEnd(source, start + match[0].length);
    const inner = source.slice(start + match[0].length, selfClosing ? end - 2 : end - 1);
    let children = '';
    if (!selfClosing) {
      const close = source.indexOf(`</${name}>`, end);
      if (close < 0) throw new Error(`<${name}> at offset ${start} is never closed.`);
      children = source.slice(end, close);
    }
    tags.push({
      name,
      line: source.slice(0, start).split('\n').length,
      attributes: parseAttributes(inner),
      children,
    });
  }
  return tags;
}
