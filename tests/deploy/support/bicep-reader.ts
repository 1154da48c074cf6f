/**
 * A small, regex-based reader for the parts of Bicep files the deployment
 * tests check: `param`, `output` and `module ... = { params: { ... } }`.
 * There is no Bicep compiler on these machines (it is a .NET binary the
 * Agents Toolkit downloads), so this is deliberately shallow: it relies on
 * the one-declaration-per-line layout that `bicep format` produces.
 */

export interface BicepParam {
  readonly name: string;
  readonly type: string;
  readonly hasDefault: boolean;
  /** The decorator lines right above the declaration, e.g. `@secure()`. */
  readonly decorators: string;
}

export interface BicepOutput {
  readonly name: string;
  readonly type: string;
  readonly expression: string;
}

export interface BicepModuleCall {
  readonly symbol: string;
  /** As written, relative to the calling file. */
  readonly path: string;
  /** Names given in its `params: { ... }` block. */
  readonly params: readonly string[];
}

const PARAM = /^param\s+(\w+)\s+(\w+)(\s*=.*)?$/;
const OUTPUT = /^output\s+(\w+)\s+(\w+)\s*=\s*(.+)$/;
const MODULE = /^module\s+(\w+)\s+'([^']+)'\s*=\s*\{/gm;
const STATEMENT = /^(param|var|resource|module|output|targetScope|type|func|import|\})\b/;

export function readParams(source: string): BicepParam[] {
  const params: BicepParam[] = [];
  let decorators: string[] = [];
  for (const rawLine of source.split(/\r?\n/)) {
    const line = rawLine.trim();
    const param = PARAM.exec(line);
    if (param?.[1] !== undefined && param[2] !== undefined) {
      params.push({ name: param[1], type: param[2], hasDefault: param[3] !== undefined, decorators: decorators.join('\n') });
      decorators = [];
    } else if (line === '' || line.startsWith('//') || STATEMENT.test(line)) {
      decorators = [];
    } else {
      // Decorators, including the lines of a multi-line @allowed([...]).
      decorators.push(line);
    }
  }
  return params;
}

export function readOutputs(source: string): BicepOutput[] {
  return source
    .split(/\r?\n/)
    .map((line) => OUTPUT.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ name: match[1] ?? '', type: match[2] ?? '', expression: match[3] ?? '' }));
}

export function readModuleCalls(source: string): BicepModuleCall[] {
  return Array.from(source.matchAll(MODULE), (match) => {
    const body = bracedBlock(source, (match.index ?? 0) + match[0].length - 1);
    const paramsAt = /^\s*params\s*:\s*\{/m.exec(body);
    const params = paramsAt ? topLevelKeys(bracedBlock(body, paramsAt.index + paramsAt[0].length - 1)) : [];
    return { symbol: match[1] ?? '', path: match[2] ?? '', params };
  });
}

/** The text between the `{` at `openAt` and its matching `}`, skipping '...' strings. */
function bracedBlock(source: string, openAt: number): string {
  let depth = 0;
  let inString = false;
  for (let index = openAt; index < source.length; index++) {
    const char = source[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === "'") inString = false;
      continue;
    }
    if (char === "'") inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return source.slice(openAt + 1, index);
  }
  throw new Error(`unbalanced braces after offset ${openAt}`);
}

/** `key:` names at depth 0 of an object body. */
function topLevelKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of body.split(/\r?\n/)) {
    const key = /^\s*(\w+)\s*:/.exec(line);
    if (depth === 0 && key?.[1] !== undefined) keys.push(key[1]);
    const withoutStrings = line.replace(/'(?:\\.|[^'\\])*'/g, "''");
    depth += (withoutStrings.match(/[{[(]/g) ?? []).length - (withoutStrings.match(/[}\])]/g) ?? []).length;
  }
  return keys;
}
