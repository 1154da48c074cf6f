import { describe, expect, it } from 'vitest';
import { CardVerb, executeAction, isCardVerb } from '../../../src/domain/cards/card-actions.js';

describe('executeAction', () => {
  it('builds Action.Execute with an equivalent Action.Submit fallback carrying the verb', () => {
    expect(executeAction({ title: 'Принять', verb: CardVerb.acceptOrder, data: { orderId: 'CSP-1' }, style: 'positive' })).toEqual({
      type: 'Action.Execute',
      title: 'Принять',
      style: 'positive',
      verb: 'acceptOrder',
      data: { orderId: 'CSP-1' },
      fallback: { type: 'Action.Submit', title: 'Принять', style: 'positive', data: { verb: 'acceptOrder', orderId: 'CSP-1' } },
    });
  });

  it('sends empty data and just the verb when there is no data', () => {
    const action = executeAction({ title: 'Start', verb: CardVerb.startOrder });
    expect(action.data).toEqual({});
    expect(action.fallback).toEqual({ type: 'Action.Submit', title: 'Start', data: { verb: 'startOrder' } });
  });

  it('passes associatedInputs to both actions', () => {
    const action = executeAction({ title: 'Go', verb: CardVerb.completeOrder, associatedInputs: 'none' });
    expect(action.associatedInputs).toBe('none');
    expect(action.fallback).toMatchObject({ associatedInputs: 'none' });
  });
});

describe('isCardVerb', () => {
  it('knows the bot verbs only', () => {
    expect(isCardVerb('submitOrder')).toBe(true);
    expect(isCardVerb('refreshOrder')).toBe(true);
    expect(isCardVerb('deleteEverything')).toBe(false);
    expect(isCardVerb(42)).toBe(false);
  });
});
