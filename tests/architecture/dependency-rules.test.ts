import { cruise } from 'dependency-cruiser';
import type { ICruiseResult, IForbiddenRuleType, IViolation } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Dependencies run one way: http / bot-framework → conversation / distributor
 * → orders → storage / delivery / graph → domain. dependency-cruiser reads the
 * imports (type-only ones too, `tsPreCompilationDeps`) and reports each import
 * that breaks a rule, so a failure names the file and what it imported.
 */

const ABOVE_ADAPTERS = '^bot/(conversation|distributor|http|bot-framework|orders|outbox)/';

const RULES = [
  {
    name: 'no-circular',
    comment: 'no import circles, even type-only ones',
    severity: 'error',
    from: { path: '^(src|bot|scripts)/' },
    to: { circular: true },
  },
  {
    name: 'domain-imports-no-adapter',
    comment: 'src/domain is pure: it never imports the server, the tab or the scripts',
    severity: 'error',
    from: { path: '^src/domain/' },
    to: { path: '^(bot|scripts|src/tab)/' },
  },
  {
    name: 'domain-imports-no-node-module',
    comment: 'src/domain also runs in the browser (the tab) and does no I/O: no Node built-ins',
    severity: 'error',
    from: { path: '^src/domain/' },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'storage-imports-only-domain',
    comment: 'bot/storage is the bottom adapter: besides itself it imports only src/domain and libraries',
    severity: 'error',
    from: { path: '^bot/storage/' },
    to: { path: '^(bot|scripts|src/tab)/', pathNot: '^bot/storage/' },
  },
  {
    name: 'delivery-and-graph-stay-low',
    comment: 'channels and Graph know nothing of the chat, the distributor desk, HTTP, Bot Framework, orders or the outbox',
    severity: 'error',
    from: { path: '^bot/(delivery|graph)/' },
    to: { path: ABOVE_ADAPTERS },
  },
  {
    name: 'orders-below-the-chat',
    comment: 'the order path is shared by the API and the bot, so it imports neither',
    severity: 'error',
    from: { path: '^bot/orders/' },
    to: { path: '^bot/(conversation|distributor|http|bot-framework)/' },
  },
  {
    name: 'server-imports-no-script',
    comment: 'scripts/ (app package, bench, start-local) is tooling, never part of the server build',
    severity: 'error',
    from: { path: '^(bot|src)/' },
    to: { path: '^scripts/' },
  },
] satisfies IForbiddenRuleType[];

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
