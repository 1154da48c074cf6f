import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  bundledSchemaPath,
  schemaUrl,
  validateWithBundledSchema,
} from '../../../scripts/app-package/validate-with-bundled-schema.js';
import { omit } from './omit.js';

const minimalManifest = () => ({
  $schema: schemaUrl('manifest', '1.30'),
  manifestVersion: '1.30',
  version: '1.0.0',
  id: '6f1c2b8e-3d4a-4e5f-9a7b-0c1d2e3f4a5b',
  developer: {
    name: 'Example Distribution',
    websiteUrl: 'https://www.example.com',
    privacyUrl: 'https://www.example.com/privacy',
    termsOfUseUrl: 'https://www.example.com/terms',
  },
  name: { short: 'CSP Onboarding' },
  description: { short: 'Short', full: 'Full' },
  icons: { color: 'color.png', outline: 'outline.png' },
  accentColor: '#0D7AA5',
});

describe('validateWithBundledSchema', () => {
  // Nothing here may reach the network: there is none on CI.
  beforeEach(() => {
    vi.stubGlobal('fetch', () => {
      throw new Error('network access attempted');
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads the schemas shipped in @microsoft/app-manifest', () => {
    expect(existsSync(bundledSchemaPath('manifest', '1.30'))).toBe(true);
    expect(existsSync(bundledSchemaPath('localization', '1.30'))).toBe(true);
  });

  it('accepts a minimal valid manifest', () => {
    expect(validateWithBundledSchema('manifest', '1.30', minimalManifest())).toEqual([]);
  });

  it('reports a missing required field', () => {
    expect(validateWithBundledSchema('manifest', '1.30', omit(minimalManifest(), 'developer'))).toEqual([
      "(root) must have required property 'developer'",
    ]);
  });

  it('reports every problem with its path', () => {
    const manifest = { ...minimalManifest(), id: 'not-a-guid', accentColor: 'teal', unknownField: true };
    const problems = validateWithBundledSchema('manifest', '1.30', manifest);
    expect(problems).toContain('(root) must NOT have additional properties: "unknownField"');
    expect(problems.some((problem) => problem.startsWith('/id must match pattern'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('/accentColor must match pattern'))).toBe(true);
  });

  it('checks the manifestVersion of the schema it validates against', () => {
    expect(validateWithBundledSchema('manifest', '1.29', minimalManifest())).toContain(
      '/manifestVersion must be equal to constant',
    );
  });

  it('validates localization files, including their pattern keys', () => {
    const valid = {
      'name.short': 'Подключение к CSP',
      'description.short': 'Кратко',
      'description.full': 'Полностью',
      'staticTabs[0].name': 'Подключение',
      'bots[0].commandLists[0].commands[0].title': 'заказ',
    };
    expect(validateWithBundledSchema('localization', '1.30', valid)).toEqual([]);

    expect(validateWithBundledSchema('localization', '1.30', omit(valid, 'description.full'))).toContain(
      "(root) must have required property 'description.full'",
    );
    expect(
      validateWithBundledSchema('localization', '1.30', { ...valid, 'name.short': 'x'.repeat(31), 'bots[1].title': 'x' }),
    ).toEqual(
      expect.arrayContaining([
        '/name.short must NOT have more than 30 characters',
        '(root) must NOT have additional properties: "bots[1].title"',
      ]),
    );
  });

  it('refuses a manifest version that has no bundled schema', () => {
    expect(() => validateWithBundledSchema('manifest', '1.99', {})).toThrow('no bundled schema');
    expect(() => validateWithBundledSchema('manifest', '../../etc', {})).toThrow('unsupported manifestVersion');
  });
});
