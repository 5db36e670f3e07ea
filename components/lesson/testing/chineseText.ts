// The Chinese text a reader sees, pulled out of the sources that hold it, for the typography
// tests: a chapter's prose without its code and tags (plus the questions and choices its
// tags show), and a snippet's comments and strings without its code.
import ts from 'typescript';
import { findTags, openingTagEnd } from '../mdxTags';

export interface TextLine {
  /** 1-based line in the source. */
  line: number;
  text: string;
}

const lineOf = (source: string, offset: number) => source.slice(0, offset).split('\n').length;

/** Keeps only the line breaks of `text`, so that what follows keeps its line numbers. */
const blank = (text: string) => text.replace(/[^\n]/g, '');

/** Strings a tag shows the reader: a Predict's question and its choices. */
function tagText(source: string): TextLine[] {
  return findTags(source, 'Predict').flatMap((tag) => {
    const { question, choices } = tag.attributes as {
      question?: string;
      choices?: Record<string, string>;
    };
    return [question ?? '', ...Object.values(choices ?? {})]
      .filter(Boolean)
      .map((text) => ({ line: tag.line, text }));
  });
}

/** A chapter's prose: no front matter keys, imports, code blocks, code spans or component tags. */
export function chapterProse(source: string): TextLine[] {
  let text = source
    .replace(/```[\s\S]*?```/g, blank)
    .replace(/^import .*$/gm, '')
    .replace(/`[^`\n]*`/g, '');
  for (let at = text.search(/<\/?[A-Z]/); at >= 0; at = text.search(/<\/?[A-Z]/)) {
    const end = text[at + 1] === '/' ? text.indexOf('>', at) + 1 : openingTagEnd(text, at + 1).end;
    text = text.slice(0, at) + blank(text.slice(at, end)) + text.slice(end);
  }
  const prose = text
    .split('\n')
    .map((line, i) => ({ line: i + 1, text: line.replace(/\]\([^)]*\)/g, ']') }))
    .filter((l) => l.text.trim() !== '');
  return [...prose, ...tagText(source)];
}

/** A snippet's comments and string literals (code spans in comments left out). */
export function snippetText(source: string): TextLine[] {
  const file = ts.createSourceFile('snippet.ts', source, ts.ScriptTarget.Latest, true);
  const found = new Map<number, TextLine>();
  const comment = (pos: number, end: number) => {
    found.set(pos, {
      line: lineOf(source, pos),
      text: source.slice(pos, end).replace(/`[^`\n]*`/g, ''),
    });
  };
  const visit = (node: ts.Node) => {
    ts.forEachLeadingCommentRange(source, node.getFullStart(), comment);
    ts.forEachTrailingCommentRange(source, node.getEnd(), comment);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.set(node.getStart(), { line: lineOf(source, node.getStart()), text: node.text });
    } else if (ts.isTemplateExpression(node)) {
      // The literal parts, with {} where each interpolation goes, so that a quote around one shows.
      const text = [node.head, ...node.templateSpans.map((s) => s.literal)]
        .map((part) => part.text)
        .join('{}');
      found.set(node.getStart(), { line: lineOf(source, node.getStart()), text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  visit(file.endOfFileToken);
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, line]) => line);
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Whether a text has a straight double quote where Chinese needs “”: next to Chinese text
 * (spaces aside), or around a phrase that holds some.
 */
export function hasStraightQuoteInChinese(text: string): boolean {
  for (const pair of text.matchAll(/"([^"]*)"/g)) if (CJK.test(pair[1]!)) return true;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    const before = text.slice(0, i).trimEnd().at(-1) ?? '';
    const after = text.slice(i + 1).trimStart()[0] ?? '';
    if (CJK.test(before) || CJK.test(after)) return true;
  }
  return false;
}
