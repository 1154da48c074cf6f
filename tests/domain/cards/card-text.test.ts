import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeCardText } from '../../../src/domain/cards/card-text.js';

// A strict stand-in for Teams' markdown: CommonMark plus raw HTML, GFM tables,
// strikethrough and autolinking of bare URLs, domains and e-mail addresses.
const markdown = new MarkdownIt({ html: true, linkify: true });

function htmlEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The text renders as exactly one plain paragraph showing the original characters. */
function expectPlainParagraph(original: string): void {
  expect(markdown.render(escapeCardText(original))).toBe(`<p>${htmlEscape(original)}</p>\n`);
}

describe('escapeCardText', () => {
  const hostile = [
    '[click](https://evil)',
    '![img](https://evil/x.png)',
    '**bold**',
    '__bold__',
    '*em* and _em_',
    '`code`',
    '~~struck~~',
    '<at>x</at>',
    '<b>html</b>',
    '<https://evil.example>',
    '# h',
    '### h3',
    '1. x',
    '1) x',
    '- x',
    '+ x',
    '* x',
    '> quote',
    '---',
    '===',
    '| a | b |',
    'https://evil.example',
    'http://evil.com/path?q=1',
    'www.evil.com',
    'evil.com',
    'it@romashka.ru',
    '{{DATE(2026-01-01T00:00:00Z, SHORT)}}',
    '&lt;at&gt; &#91;x&#93;',
    'back\\slash \\*',
    'ООО «Ромашка» [офис](javascript:alert(1))',
  ];

  it.each(hostile)('renders %j as plain text', (text) => {
    expectPlainParagraph(text);
  });

  it('escapes link, emphasis and HTML characters with backslashes', () => {
    expect(escapeCardText('[click](https://evil)')).toBe('\\[click\\]\\(https\\://evil\\)');
    expect(escapeCardText('**bold**')).toBe('\\*\\*bold\\*\\*');
    expect(escapeCardText('<at>x</at>')).toBe('\\<at\\>x\\</at\\>');
  });

  it('escapes block markers only at the start of a line', () => {
    expect(escapeCardText('# h')).toBe('\\# h');
    expect(escapeCardText('1. x')).toBe('1\\. x');
    expect(escapeCardText('- x')).toBe('\\- x');
    expect(escapeCardText('a - b + c')).toBe('a - b + c');
  });

  it('breaks autolinks of URLs and domains', () => {
    expect(escapeCardText('https://evil.example')).toBe('https\\://evil\\.example');
    expect(escapeCardText('romashka.onmicrosoft.com')).toBe('romashka\\.onmicrosoft\\.com');
  });

  it('leaves ordinary addresses, phones and names as they are', () => {
    for (const text of ['ул. Мясницкая, д. 1', '+7 495 123-45-67', 'Иванов Иван Иванович', '101000', 'ООО «Ромашка»']) {
      expect(escapeCardText(text)).toBe(text);
    }
  });

  it('treats every line of a multi-line text on its own', () => {
    const escaped = escapeCardText('Исправьте:\r\n- ИНН\n  # домен');
    expect(escaped).toBe('Исправьте:\n\\- ИНН\n\\# домен');
    const html = markdown.render(escaped);
    expect(html).not.toMatch(/<(ul|li|h\d)/);
  });

  it.each(['Заголовок\n---', 'Заголовок\n===', 'a\n\n    code block'])('renders multi-line %j without headings or code', (text) => {
    expect(markdown.render(escapeCardText(text))).not.toMatch(/<(h\d|hr|pre|code)/);
  });

  it('keeps an already escaped-looking text visible as typed', () => {
    expectPlainParagraph('\\[not a link\\]');
  });
});
