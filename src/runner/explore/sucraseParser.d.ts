// Types for sucrase's parser, which its package ships but does not map to this path (its types
// live under dist/types). Only what the literal locator reads.
declare module 'sucrase/dist/parser/index.js' {
  export interface Token {
    type: number;
    start: number;
    end: number;
  }
  export function parse(
    input: string,
    isJSXEnabled: boolean,
    isTypeScriptEnabled: boolean,
    isFlowEnabled: boolean,
  ): { tokens: Token[] };
}

declare module 'sucrase/dist/parser/tokenizer/types.js' {
  export const TokenType: Record<
    | 'num'
    | 'string'
    | 'name'
    | 'eof'
    | 'bracketL'
    | 'bracketR'
    | 'braceL'
    | 'braceR'
    | 'braceBarL'
    | 'braceBarR'
    | 'parenL'
    | 'parenR'
    | 'comma'
    | 'colon'
    | 'dot'
    | 'questionDot'
    | 'backQuote'
    | 'template'
    | 'dollarBraceL'
    | 'minus',
    number
  >;
}
