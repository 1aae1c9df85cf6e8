import { describe, expect, it } from 'vitest';
import { expressionTokens, templateTokens } from './tokens';

const typed = (tokens: { type: string; text: string }[]) => tokens.map((t) => `${t.type}:${t.text}`);

describe('expression tokens', () => {
  it('colours names with dots, strings, operators and keywords', () => {
    expect(typed(expressionTokens("customer.tier == 'gold' || vip === true"))).toEqual([
      'name:customer.tier', 'text: ', 'operator:==', 'text: ', "string:'gold'", 'text: ', 'operator:||', 'text: ',
      'name:vip', 'text: ', 'operator:===', 'text: ', 'keyword:true',
    ]);
  });

  it('keeps an unterminated string as a string while it is being typed', () => {
    expect(typed(expressionTokens("tier == 'go"))).toEqual(['name:tier', 'text: ', 'operator:==', 'text: ', "string:'go"]);
  });

  it('gives back every character of the text, in order', () => {
    const text = 'a.b >= 10.5 ? "x\\"y" : (c ?? 0) # odd';
    expect(expressionTokens(text).map((t) => t.text).join('')).toBe(text);
  });
});

describe('template tokens', () => {
  it('colours only what is inside the braces', () => {
    expect(typed(templateTokens('Hello {{ customer.name }}, tier {{{tier}}}'))).toEqual([
      'text:Hello ', 'delimiter:{{', 'text: ', 'name:customer.name', 'text: ', 'delimiter:}}', 'text:, tier ',
      'delimiter:{{{', 'name:tier', 'delimiter:}}}',
    ]);
  });

  it('keeps a template whose braces are not closed yet', () => {
    expect(typed(templateTokens('Hi {{ trig'))).toEqual(['text:Hi ', 'delimiter:{{', 'text: ', 'name:trig']);
  });
});
