import { describe, expect, it } from 'vitest';
import { chatTexts } from '../../bot/conversation/chat-texts.js';
import { signInTexts } from '../../bot/conversation/chat-sign-in.js';
import { inboxTexts } from '../../bot/distributor/distributor-chat-texts.js';
import * as cardTexts from '../../src/domain/cards/card-texts.js';
import * as chatCardTexts from '../../src/domain/cards/chat-card-texts.js';
import * as distributorCardTexts from '../../src/domain/cards/distributor-card-texts.js';
import { revisionChangeTexts } from '../../src/domain/cards/revision-change-texts.js';
import * as journeyCardTexts from '../../src/domain/cards/journey-card-texts.js';
import * as journeyTexts from '../../src/domain/journey/journey-texts.js';
import { customerAgreementBoardTexts } from '../../src/board/customer-agreement/customer-agreement-board-texts.js';
import { customersViewTexts } from '../../src/board/customers-view-texts.js';
import { orderEmailTexts } from '../../src/domain/email/order-email-texts.js';
import { gdapTexts } from '../../src/domain/gdap/gdap-texts.js';
import { ROLE_DESCRIPTIONS } from '../../src/domain/gdap/gdap-roles.js';
import { VALIDATION_MESSAGES } from '../../src/domain/order/validation-messages.js';
import { tabTexts } from '../../src/tab/tab-texts.js';
import { collectTexts } from '../support/bilingual-texts.js';

/** Every surface's user texts, each kept in one module per surface. */
const SURFACES = {
  cards: cardTexts,
  chatCards: chatCardTexts,
  distributorCards: distributorCardTexts,
  revisionChanges: revisionChangeTexts,
  chat: chatTexts,
  signIn: signInTexts,
  inbox: inboxTexts,
  email: orderEmailTexts,
  validation: VALIDATION_MESSAGES,
  tab: tabTexts,
  gdap: gdapTexts,
  gdapRoles: ROLE_DESCRIPTIONS,
  journey: journeyTexts,
  journeyCards: journeyCardTexts,
  customersView: customersViewTexts,
  customerAgreementBoard: customerAgreementBoardTexts,
};

const texts = Object.entries(SURFACES).flatMap(([name, module]) => collectTexts(module, name));

describe('every user text', () => {
  it('is found on every surface', () => {
    for (const surface of Object.keys(SURFACES)) expect(texts.some(([path]) => path.startsWith(`${surface}.`))).toBe(true);
    expect(texts.length).toBeGreaterThan(300);
  });

  it.each(texts)('%s exists in Russian and English, non-empty', (_path, text) => {
    expect(text.ru.trim()).not.toBe('');
    expect(text.en.trim()).not.toBe('');
    expect(text.ru).toMatch(/[а-яё]/i);
    expect(text.ru).not.toContain('undefined');
    expect(text.en).not.toContain('undefined');
  });

  it('uses the Russian terms the customers use', () => {
    const russian = texts.map(([, text]) => text.ru).join('\n');
    for (const wrong of ['Заявление', 'Веб-перехватчик', 'не создаст дубль', 'команду inbox', 'делает этот канал входящим', 'Тип подписки']) {
      expect(russian).not.toContain(wrong);
    }
  });
});
