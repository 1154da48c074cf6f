import { describe, expect, it } from 'vitest';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { buildWelcomeCard } from '../../../src/domain/cards/welcome-card.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { actionVerbs, cardTexts } from './card-fixtures.js';

const invitationUrl =
  'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&partnerId=60d2bbc8-7aaa-466e-b72d-a90f270a72ee&msppId=2063016&indirectCSPId=50d9236d-483e-4d08-a89c-2f3bd1c6491f&DAP=true#/BillingAccounts/partner-invitation';

const CONSENT_LABEL =
  'Да, я понимаю условия делегированного администрирования и имею право принимать их от имени своей организации';
const AUTHORIZE_LABEL = 'Авторизация торгового посредника';

describe.each<Locale>(['ru', 'en'])('welcome card (%s)', (locale) => {
  const card = buildWelcomeCard({ locale, distributorName: 'Дистрибьютор Плюс', invitationUrl });
  const text = cardTexts(card).join('\n');

  it('is a valid Adaptive Card 1.5 that renders', () => {
    expect(card.version).toBe('1.5');
    expect(() => expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES })).not.toThrow();
  });

  it('quotes the admin center labels verbatim in Russian', () => {
    expect(text).toContain(CONSENT_LABEL);
    expect(text).toContain(AUTHORIZE_LABEL);
  });

  it('explains that delegated admin access can be removed and where the technical domain is', () => {
    expect(text).toMatch(locale === 'ru' ? /отозвать в любой момент/ : /remove the delegated admin access/);
    expect(text).toMatch(locale === 'ru' ? /Параметры → Домены/ : /Settings → Domains/);
    expect(text).toMatch(locale === 'ru' ? /по умолчанию/ : /default domain/);
  });

  it('names the distributor', () => {
    expect(text).toContain('Дистрибьютор Плюс');
  });

  it('opens the invitation link and offers to start the order and to get help', () => {
    const openUrl = card.actions?.find((action) => action.type === 'Action.OpenUrl');
    expect(openUrl).toMatchObject({ url: invitationUrl });
    expect(actionVerbs(card)).toEqual([CardVerb.startOrder, CardVerb.showHelp]);
  });
});

describe('welcome card texts', () => {
  it('adds the English meaning of the Russian labels in English', () => {
    const text = cardTexts(buildWelcomeCard({ locale: 'en', distributorName: 'D', invitationUrl })).join('\n');
    expect(text).toMatch(/Yes, I understand the terms of delegated administration/);
    expect(text).toMatch(/Authorize reseller/);
  });

  it('is in Russian for ru and in English for en', () => {
    const ru = cardTexts(buildWelcomeCard({ locale: 'ru', distributorName: 'D', invitationUrl })).join('\n');
    const en = cardTexts(buildWelcomeCard({ locale: 'en', distributorName: 'D', invitationUrl })).join('\n');
    expect(ru).toContain('Шаг 1. Примите приглашение CSP');
    expect(en).toContain('Step 1. Accept the CSP invitation');
  });

  it('escapes the distributor name', () => {
    const card = buildWelcomeCard({ locale: 'ru', distributorName: '[Партнёр](https://evil.example)', invitationUrl });
    const check = expectValidAdaptiveCard(card);
    expect(check.rendered.querySelector('.ac-textBlock a')).toBeNull();
    expect(check.rendered.textContent).toContain('[Партнёр](https://evil.example)');
  });
});
