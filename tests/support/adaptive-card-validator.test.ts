import { describe, expect, it } from 'vitest';
import { BOT_MESSAGE_MAX_BYTES, checkAdaptiveCard, expectValidAdaptiveCard } from './adaptive-card-validator.js';

function card(body: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, ...extra };
}

describe('the Adaptive Card validator', () => {
  it('accepts a valid card with Universal Actions, refresh and an inline card', () => {
    const check = expectValidAdaptiveCard(
      card([{ type: 'TextBlock', text: 'Hello', wrap: true }], {
        actions: [
          { type: 'Action.Execute', title: 'Go', verb: 'go', data: { a: 1 }, fallback: { type: 'Action.Submit', title: 'Go' } },
          {
            type: 'Action.ShowCard',
            title: 'More',
            card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text', id: 'c', label: 'C', isRequired: true, errorMessage: 'E' }] },
          },
        ],
        refresh: { action: { type: 'Action.Execute', verb: 'refresh' }, userIds: ['29:abc'] },
      }),
    );
    expect(check.html).toContain('Hello');
    // Button titles and labels are rendered too (jsdom lacks innerText; the validator supplies it).
    expect(check.rendered.textContent).toContain('Go');
    expect(check.bytes).toBeGreaterThan(0);
  });

  it('reports an unknown element type', () => {
    const check = checkAdaptiveCard(card([{ type: 'TextBlok', text: 'typo' }]));
    expect(check.problems.join('\n')).toMatch(/UnknownElementType.*TextBlok/);
    expect(() => expectValidAdaptiveCard(card([{ type: 'TextBlok', text: 'typo' }]))).toThrow(/TextBlok/);
  });

  it('reports an unknown action type', () => {
    const check = checkAdaptiveCard(card([], { actions: [{ type: 'Action.Teleport', title: 'x' }] }));
    expect(check.problems.join('\n')).toMatch(/UnknownActionType.*Action\.Teleport/);
  });

  it('reports a required input without a label or an error message', () => {
    const check = checkAdaptiveCard(card([{ type: 'Input.Text', id: 'x', isRequired: true }]));
    const problems = check.problems.join('\n');
    expect(problems).toMatch(/RequiredInputsShouldHaveLabel/);
    expect(problems).toMatch(/RequiredInputsShouldHaveErrorMessage/);
  });

  it('reports duplicate input ids', () => {
    const input = { type: 'Input.Text', id: 'same', label: 'L' };
    expect(checkAdaptiveCard(card([input, input])).problems.join('\n')).toMatch(/DuplicateId/);
  });

  it('reports a property the renderer does not know', () => {
    const check = checkAdaptiveCard(card([{ type: 'TextBlock', text: 'x', isRequierd: true }]));
    expect(check.problems).toEqual([expect.stringContaining('card.body[0].isRequierd (TextBlock)')]);
  });

  it('reports a card over the size limit', () => {
    const big = card([{ type: 'TextBlock', text: 'я'.repeat(15 * 1024) }]);
    expect(checkAdaptiveCard(big).problems).toEqual([expect.stringMatching(/^size: \d+ bytes, limit 28672$/)]);
    expect(checkAdaptiveCard(big, { maxBytes: BOT_MESSAGE_MAX_BYTES }).problems).toEqual([]);
  });

  it('reports a schema version Teams bots do not support', () => {
    expect(checkAdaptiveCard({ ...card([]), version: '1.6' }).problems.join('\n')).toMatch(/version: 1\.6/);
  });

  it('renders markdown, so unescaped user text shows up as HTML elements', () => {
    const check = expectValidAdaptiveCard(card([{ type: 'TextBlock', text: '[click](https://evil.example) **b**' }]));
    expect(check.rendered.querySelector('a')?.getAttribute('href')).toBe('https://evil.example');
    expect(check.rendered.querySelector('strong')?.textContent).toBe('b');
  });
});
