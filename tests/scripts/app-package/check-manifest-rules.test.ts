import { describe, expect, it } from 'vitest';
import {
  packageFileNameProblems,
  schemaReferenceProblems,
  validDomainProblems,
} from '../../../scripts/app-package/check-manifest-rules.js';

describe('validDomainProblems', () => {
  it('accepts host names, wildcards and ports', () => {
    expect(validDomainProblems(['onboarding.example.com', '*.example.com', 'localhost:3978'])).toEqual([]);
  });

  it('rejects schemes, paths and upper case', () => {
    expect(validDomainProblems(['https://onboarding.example.com', 'example.com/tab', 'Example.com'])).toEqual([
      'validDomains: "https://onboarding.example.com" must be a lower-case host name without scheme or path',
      'validDomains: "example.com/tab" must be a lower-case host name without scheme or path',
      'validDomains: "Example.com" must be a lower-case host name without scheme or path',
    ]);
  });
});

describe('packageFileNameProblems', () => {
  it('accepts plain file names', () => {
    expect(packageFileNameProblems(['color.png', 'outline.png', 'ru-ru.json'])).toEqual([]);
  });

  it('rejects paths, dot names and the manifest itself', () => {
    expect(packageFileNameProblems(['../secret.json', 'icons/color.png', 'a\\b.png', '..', '', 'manifest.json'])).toHaveLength(6);
  });
});

describe('schemaReferenceProblems', () => {
  const suffix = '/v1.30/MicrosoftTeams.schema.json';

  it('accepts a matching or absent $schema', () => {
    expect(schemaReferenceProblems('manifest.json', `https://developer.microsoft.com/json-schemas/teams${suffix}`, suffix)).toEqual([]);
    expect(schemaReferenceProblems('manifest.json', undefined, suffix)).toEqual([]);
  });

  it('rejects a $schema of another version', () => {
    expect(
      schemaReferenceProblems('manifest.json', 'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json', suffix),
    ).toEqual([`manifest.json: $schema must end with "${suffix}"`]);
  });
});
