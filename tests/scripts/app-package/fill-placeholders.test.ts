import { describe, expect, it } from 'vitest';
import {
  fillPlaceholders,
  fillPlaceholdersInJson,
  MissingPlaceholdersError,
  missingPlaceholders,
  placeholderNames,
} from '../../../scripts/app-package/fill-placeholders.js';

describe('fillPlaceholders', () => {
  it('replaces every occurrence of each placeholder', () => {
    expect(fillPlaceholders('https://${{BOT_DOMAIN}}/a?d=${{BOT_DOMAIN}}&id=${{BOT_ID}}', {
      BOT_DOMAIN: 'onboarding.example.com',
      BOT_ID: '42',
    })).toBe('https://onboarding.example.com/a?d=onboarding.example.com&id=42');
  });

  it('leaves text without placeholders and other brace forms alone', () => {
    expect(fillPlaceholders('${NOT_THIS} {{NOR_THIS}} $HOME', {})).toBe('${NOT_THIS} {{NOR_THIS}} $HOME');
  });

  it('inserts values literally, even ones that look like replacement patterns', () => {
    expect(fillPlaceholders('x=${{A}}', { A: '$& $1 ${{B}}' })).toBe('x=$& $1 ${{B}}');
  });

  it('reports every missing variable by name, once each', () => {
    const fill = () => fillPlaceholders('${{TEAMS_APP_ID}} ${{BOT_ID}} ${{BOT_DOMAIN}} ${{BOT_ID}}', { BOT_DOMAIN: 'x' });
    expect(fill).toThrow(MissingPlaceholdersError);
    expect(fill).toThrow('missing environment variables: TEAMS_APP_ID, BOT_ID');
    try {
      fill();
    } catch (error) {
      expect((error as MissingPlaceholdersError).missing).toEqual(['TEAMS_APP_ID', 'BOT_ID']);
    }
  });

  it('treats a blank value as missing', () => {
    expect(missingPlaceholders('${{A}}${{B}}${{C}}', { A: '', B: '  ', C: 'c' })).toEqual(['A', 'B']);
  });
});

describe('placeholderNames', () => {
  it('lists distinct names in order of first use', () => {
    expect(placeholderNames('${{B}} ${{A}} ${{B}}')).toEqual(['B', 'A']);
  });
});

describe('fillPlaceholdersInJson', () => {
  it('fills string values and keeps the JSON structure', () => {
    expect(fillPlaceholdersInJson('{"id":"${{ID}}","list":["${{ID}}-x"],"n":1}', { ID: 'abc' })).toEqual({
      id: 'abc',
      list: ['abc-x'],
      n: 1,
    });
  });

  it('cannot be broken or injected into by quotes in a value', () => {
    const value = 'Acme", "injected": "yes';
    expect(fillPlaceholdersInJson('{"name":"${{NAME}}"}', { NAME: value })).toEqual({ name: value });
  });

  it('reports missing variables before parsing', () => {
    expect(() => fillPlaceholdersInJson('{"a":"${{A}}","b":"${{B}}"}', {})).toThrow('A, B');
  });
});
