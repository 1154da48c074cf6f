/**
 * Teams renders TextBlock text and FactSet values as markdown, so text typed
 * by a user (an organization name, a distributor's comment) could otherwise
 * become a link, emphasis, a list, a heading, an HTML-like tag or a
 * `{{DATE()}}` function. Escaping is as narrow as it can safely be: characters
 * that act anywhere are always escaped, block markers only at a line start,
 * and dots or colons only where they would let a URL or domain be autolinked,
 * so ordinary addresses and phone numbers keep their look.
 *
 * Never apply this to input `value`s or labels: those are not markdown.
 */

/** Characters with inline meaning in CommonMark/GFM (or in card date functions). */
const ALWAYS_ESCAPED = new Set(['\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '<', '>', '|', '~', '#', '!', '&']);

/** A list item (`- x`, `+ x`), or a thematic break or setext underline (`---`, `===`). */
const LINE_START_MARKER = /^(?:[-+](?=\s|$)|[-=][-=\s]*$)/;

export function escapeCardText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(escapeLine)
    .join('\n');
}

function escapeLine(rawLine: string): string {
  // Leading indentation can turn a line into a code block; it carries no meaning in our texts.
  const line = rawLine.replace(/^[ \t\f\v\u00a0]+/, '');
  let escaped = '';
  for (const char of line) {
    escaped += ALWAYS_ESCAPED.has(char) ? `\\${char}` : char;
  }
  escaped = escapeLineStart(escaped);
  return neutralizeAutolinks(escaped);
}

function escapeLineStart(line: string): string {
  if (LINE_START_MARKER.test(line)) return `\\${line}`;
  // Ordered list: up to nine digits followed by `.` (`)` is already escaped above).
  return line.replace(/^(\d{1,9})\./, '$1\\.');
}

/**
 * Renderers autolink `scheme://…`, `www.…`, bare domains and e-mail addresses.
 * A backslash before the `:` of a scheme and before each dot joining two
 * letters or digits breaks every such pattern while markdown still shows the
 * original character.
 */
function neutralizeAutolinks(line: string): string {
  return line
    .replace(/([\p{L}\p{N}])(:)(?=\/\/)/gu, '$1\\$2')
    .replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, '\\.');
}
