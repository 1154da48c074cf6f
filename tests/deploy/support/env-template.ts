import { readdirSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { projectFile } from './project-file.js';

/** Who gives a variable its value, as the `[tag]` of the comment above it says. */
export type ValueSource = 'you' | 'toolkit' | 'provision';

export interface EnvVariable {
  readonly name: string;
  readonly value: string;
  /** From the nearest `# [you]`, `# [toolkit]` or `# [provision]` comment above. */
  readonly source: ValueSource | undefined;
  /** A comment line, or the line of another variable of the same group, sits right above. */
  readonly commented: boolean;
}

export interface EnvTemplate {
  /** `dev` for env/.env.dev. */
  readonly envName: string;
  readonly fileName: string;
  readonly text: string;
  readonly variables: readonly EnvVariable[];
}

const TAG = /^#\s*\[(you|toolkit|provision)\]/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/** Reads an env template: its values (as Node parses them) and the comment tag of each variable. */
export function readEnvTemplate(fileName: string): EnvTemplate {
  const text = readFileSync(projectFile('env', fileName), 'utf8');
  const values = parseEnv(text);
  const variables: EnvVariable[] = [];
  let source: ValueSource | undefined;
  let previous = '';
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    const tag = TAG.exec(line);
    if (tag) source = tag[1] as ValueSource;
    const assignment = ASSIGNMENT.exec(line);
    if (assignment?.[1] !== undefined) {
      const name = assignment[1];
      variables.push({
        name,
        value: values[name] ?? '',
        source,
        commented: previous.startsWith('#') || ASSIGNMENT.test(previous),
      });
    }
    previous = line;
  }
  return { envName: fileName.replace(/^\.env\./, ''), fileName, text, variables };
}

/** The environment templates the Agents Toolkit sees: env/.env.<name> (no .user, no examples). */
export function environmentTemplates(): EnvTemplate[] {
  return readdirSync(projectFile('env'), { withFileTypes: true })
    .filter((entry) => entry.isFile() && /^\.env\.[\w-]+$/.test(entry.name))
    .map((entry) => readEnvTemplate(entry.name));
}

/** Example files for the git-ignored secrets: env/.env.<name>.user.example. */
export function userExampleFileNames(): string[] {
  return readdirSync(projectFile('env')).filter((name) => /^\.env\.[\w-]+\.user\.example$/.test(name));
}

/** `local` runs teamsapp.local.yml; every other environment runs teamsapp.yml. */
export function lifecycleFileFor(envName: string): string {
  return envName === 'local' ? 'teamsapp.local.yml' : 'teamsapp.yml';
}
