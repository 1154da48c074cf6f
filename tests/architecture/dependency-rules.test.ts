import { cruise } from 'dependency-cruiser';
import type { ICruiseResult, IRegularForbiddenRuleType, IViolation } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Dependencies run one way: http / bot-framework → conversation / distributor
 * → orders → storage / delivery / graph → domain. dependency-cruiser reads the
 * imports (type-only ones too, `tsPreCompilationDeps`) and reports each import
 * that breaks a rule, so a failure names the file and what it imported.
 */

/** A forbidden import: from files matching `from` to what `to` matches. */
function forbid(
  name: string,
  comment: string,
  from: string,
  to: IRegularForbiddenRuleType['to'],
): IRegularForbiddenRuleType & { name: string; comment: string } {
  return { name, comment, severity: 'error', from: { path: from }, to };
}

const RULES = [
  forbid('no-circular', 'no import circles, even type-only ones', '^(src|bot|scripts)/', { circular: true }),
  forbid('domain-imports-no-adapter', 'src/domain is pure: it never imports the server, the tab or the scripts',
    '^src/domain/', { path: '^(bot|scripts|src/tab)/' }),
  forbid('domain-imports-no-node-module', 'src/domain also runs in the browser (the tab) and does no I/O: no Node built-ins',
    '^src/domain/', { dependencyTypes: ['core'] }),
  forbid('storage-imports-only-domain', 'bot/storage is the bottom adapter: besides itself it imports only src/domain and libraries',
    '^bot/storage/', { path: '^(bot|scripts|src/tab)/', pathNot: '^bot/storage/' }),
  forbid('delivery-and-graph-stay-low',
    'channels and Graph know nothing of the chat, the distributor desk, HTTP, Bot Framework, orders or the outbox',
    '^bot/(delivery|graph)/', { path: '^bot/(conversation|distributor|http|bot-framework|orders|outbox)/' }),
  forbid('orders-below-the-chat', 'the order path is shared by the API and the bot, so it imports neither',
    '^bot/orders/', { path: '^bot/(conversation|distributor|http|bot-framework)/' }),
  forbid('journey-below-the-chat', 'the journey and its scheduled work serve the API, the chat and the board, so they import none of them',
    '^bot/journey/', { path: '^bot/(conversation|distributor|http|bot-framework|orders|outbox)/' }),
  forbid('server-imports-no-script', 'scripts/ (app package, bench, start-local) is tooling, never part of the server build',
    '^(bot|src)/', { path: '^scripts/' }),
];

let violations: readonly IViolation[];
let cruised: readonly string[];

beforeAll(async () => {
  const result = await cruise(['src', 'bot', 'scripts'], {
    validate: true,
    ruleSet: { forbidden: RULES },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  });
  const output = result.output as ICruiseResult;
  violations = output.summary.violations;
  cruised = output.modules.map((module) => module.source);
}, 60_000);

/** `from → to`, and for a circle the whole way round, so a failure reads without a debugger. */
function describeViolation(violation: IViolation): string {
  if (violation.cycle) return [violation.from, ...violation.cycle.map((step) => step.name)].join(' → ');
  return `${violation.from} → ${violation.to}`;
}

describe('dependency rules', () => {
  it('cruises the server, the domain and the tooling', () => {
    // An empty cruise (a wrong path or option) would pass every rule below.
    expect(cruised).toEqual(expect.arrayContaining(['bot/app.ts', 'src/domain/order/order.ts', 'scripts/package-app.ts']));
  });

  it.each(RULES.map((rule) => [rule.name, rule.comment] as const))('%s: %s', (name) => {
    const broken = violations.filter((violation) => violation.rule.name === name).map(describeViolation);
    expect(broken).toEqual([]);
  });
});
