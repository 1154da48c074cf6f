import { describe, expect, it } from 'vitest';
import { boardPageAt } from '../../../src/domain/board/board-pages.js';

describe('boardPageAt', () => {
  it.each([
    ['/board', 'board'],
    ['/board/', 'board'],
    ['/board/config', 'config'],
    ['/board/config/', 'config'],
  ] as const)('%s is the %s page', (path, page) => {
    expect(boardPageAt(path)).toBe(page);
  });

  it.each(['/', '/index.html', '/boards', '/board/other', '/auth/start'])('%s is not a board page', (path) => {
    expect(boardPageAt(path)).toBeUndefined();
  });
});
