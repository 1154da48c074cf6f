import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * TeamsJS capabilities that every Microsoft 365 host (Teams, the Microsoft 365
 * app, Outlook) supports, from "TeamsJS capability support across Microsoft
 * 365", "Cross-host capabilities"
 * (https://learn.microsoft.com/microsoftteams/platform/m365-apps/teamsjs-support-m365).
 * The personal tab also opens in Outlook and the Microsoft 365 app, so any
 * other namespace needs an `isSupported()` check before use.
 */
const CROSS_HOST_CAPABILITIES = new Set(['app', 'authentication']);

const sourceRoot = fileURLToPath(new URL('../../../src', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** The names a file imports from @microsoft/teams-js. */
function teamsJsImports(text: string): string[] {
  return Array.from(text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@microsoft\/teams-js'/g)).flatMap((match) =>
    match[1] === undefined ? (match[2] ?? '').split(',').map((name) => name.trim().split(/\s+as\s+/)[0] ?? '').filter(Boolean) : [],
  );
}

describe('TeamsJS use in the tab', () => {
  it('reads the imports it checks (guards the scan)', () => {
    expect(teamsJsImports("import { app, authentication } from '@microsoft/teams-js';")).toEqual(['app', 'authentication']);
    expect(teamsJsImports("import type { app } from '@microsoft/teams-js';")).toEqual([]);
  });

  it('uses only capabilities that Outlook and the Microsoft 365 app support, or checks isSupported()', () => {
    const problems = sourceFiles(sourceRoot).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      if (/from\s+'@microsoft\/teams-js'/.test(text) && !/import\s+(type\s+)?\{[^}]*\}\s+from\s+'@microsoft\/teams-js'/.test(text)) {
        return [`${path.relative(sourceRoot, file)}: namespace import of teams-js`];
      }
      return teamsJsImports(text)
        .filter((name) => !CROSS_HOST_CAPABILITIES.has(name))
        .filter((name) => !new RegExp(`\\b${name}\\.isSupported\\(\\)`).test(text))
        .map((name) => `${path.relative(sourceRoot, file)}: ${name}`);
    });
    expect(problems).toEqual([]);
  });
});
