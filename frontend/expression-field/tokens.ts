// Splits an expression or a {{ }} template into the pieces the expression field colours. Pure
// functions without the DOM, so that they can be tested on their own.

export type Mode = 'expression' | 'template';

export type TokenType = 'text' | 'name' | 'string' | 'number' | 'keyword' | 'operator' | 'delimiter';

export interface Token {
  type: TokenType;
  text: string;
}

const KEYWORDS = new Set(['true', 'false', 'null', 'undefined', 'typeof', 'in', 'instanceof', 'new']);

// strings, numbers, names (with dots: customer.tier), operators, anything else one character at a time
const EXPRESSION = /('(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?|`(?:[^`\\]|\\.)*`?)|(\d+(?:\.\d+)?)|([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)|(===|!==|==|!=|<=|>=|&&|\|\||\?\?|[-+*/%<>!?:=])|(\s+|.)/gsy;

/** The tokens of an expression: names, strings, numbers, keywords and operators; the rest as text. */
export function expressionTokens(text: string): Token[] {
  const result: Token[] = [];
  EXPRESSION.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (EXPRESSION.lastIndex < text.length && (match = EXPRESSION.exec(text)) !== null) {
    const [whole, string, number, name, operator] = match;
    const type: TokenType = string !== undefined ? 'string' : number !== undefined ? 'number'
      : name !== undefined ? (KEYWORDS.has(name) ? 'keyword' : 'name') : operator !== undefined ? 'operator' : 'text';
    push(result, type, whole);
  }
  return result;
}

/** The tokens of a template: its text as is, each {{ }} (or {{{ }}}) and the expression inside it. */
export function templateTokens(text: string): Token[] {
  const result: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    if (open < 0) {
      push(result, 'text', text.slice(at));
      break;
    }
    push(result, 'text', text.slice(at, open));
    const triple = text.startsWith('{{{', open);
    const opener = triple ? '{{{' : '{{';
    const closer = triple ? '}}}' : '}}';
    const close = text.indexOf(closer, open + opener.length);
    push(result, 'delimiter', opener);
    const inner = text.slice(open + opener.length, close < 0 ? text.length : close);
    expressionTokens(inner).forEach((t) => push(result, t.type, t.text));
    if (close < 0) {
      break;
    }
    push(result, 'delimiter', closer);
    at = close + closer.length;
  }
  return result;
}

export function tokens(text: string, mode: Mode): Token[] {
  return mode === 'expression' ? expressionTokens(text) : templateTokens(text);
}

/** Adds a token, joining it to the one before when both are plain text. */
function push(result: Token[], type: TokenType, text: string): void {
  if (!text) {
    return;
  }
  const last = result[result.length - 1];
  if (last && last.type === type && type === 'text') {
    last.text += text;
  } else {
    result.push({ type, text });
  }
}
