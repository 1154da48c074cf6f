import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../../src/domain/cards/adaptive-card.js';
import { CardVerb } from '../../../src/domain/cards/card-actions.js';
import { buildWelcomeCard } from '../../../src/domain/cards/welcome-card.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { BOT_MESSAGE_MAX_BYTES, expectValidAdaptiveCard } from '../../support/adaptive-card-validator.js';
import { actionVerbs, cardNodes, cardTexts } from './card-fixtures.js';

const invitationUrl =
  'https://admin.microsoft.com/Adminportal/Home?invType=IndirectResellerRelationship&partnerId=60d2bbc8-7aaa-466e-b72d-a90f270a72ee&msppId=2063016&indirectCSPId=50d9236d-483e-4d08-a89c-2f3bd1c6491f#/BillingAccounts/partner-invitation';
const gdapApprovalUrl =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/5d027261-d21f-4aa9-b7db-7fa1f56fb163';

const CONSENT_LABEL =
  'Да, я понимаю условия делегированного администрирования и имею право принимать их от имени своей организации';
const AUTHORIZE_LABEL = 'Авторизация торгового посредника';

function openUrls(card: AdaptiveCard): { title: string; url: string }[] {
  return cardNodes(card).flatMap((node) => (node.type === 'Action.OpenUrl' ? [{ title: node.title, url: node.url }] : []));
}

describe.each<Locale>(['ru', 'en'])('welcome card (%s)', (locale) => {
  const card = buildWelcomeCard({ locale, distributorName: 'Дистрибьютор Плюс', invitationUrl });
  const text = cardTexts(card).join('\n');

  it('is a valid Adaptive Card 1.5 that renders', () => {
    expect(card.version).toBe('1.5');
    expect(() => expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES })).not.toThrow();
  });

  it('describes today’s invitation page: the Microsoft Customer Agreement to accept and the partner to authorize', () => {
    expect(text).toMatch(locale === 'ru' ? /Клиентское соглашение Microsoft/ : /Microsoft Customer Agreement/);
    expect(text).toMatch(locale === 'ru' ? /отметьте, что принимаете его/ : /tick the box that you accept it/);
    expect(text).toMatch(locale === 'ru' ? /авторизует партнёра/ : /authorizes the partner/);
    expect(text).toMatch(locale === 'ru' ? /глобального администратора/ : /Global Administrator/);
  });

  it('says that no admin rights are asked for when the invitation has no delegated admin', () => {
    expect(text).toMatch(locale === 'ru' ? /не права администратора/ : /no admin rights/);
  });

  it('quotes the distributor’s original labels only as what older pages show', () => {
    expect(text).toMatch(locale === 'ru' ? /На прежней странице приглашения/ : /Older versions of the page/);
    expect(text).toContain(CONSENT_LABEL);
    expect(text).toContain(AUTHORIZE_LABEL);
  });

  it('says the relationship can be ended and admin rights removed at any time, and where the technical domain is', () => {
    expect(text).toMatch(locale === 'ru' ? /можно отозвать в любое время/ : /remove any admin rights you gave it at any time/);
    expect(text).toMatch(locale === 'ru' ? /Параметры → Домены/ : /Settings → Domains/);
    expect(text).toMatch(locale === 'ru' ? /по умолчанию/ : /default domain/);
  });

  it('names the distributor', () => {
    expect(text).toContain('Дистрибьютор Плюс');
  });

  it('opens the invitation link and offers to start the order and to get help, with no GDAP step unless configured', () => {
    expect(openUrls(card).map((action) => action.url)).toEqual([invitationUrl]);
    expect(actionVerbs(card)).toEqual([CardVerb.startOrder, CardVerb.showHelp]);
    expect(text).not.toMatch(/GDAP/);
    expect(text).toContain(locale === 'ru' ? 'Шаг 2. Отправьте заявку' : 'Step 2. Send the order');
  });
});

describe('welcome card with a GDAP approval link', () => {
  it.each<Locale>(['ru', 'en'])('shows GDAP approval as a separate step 2 with its own button (%s)', (locale) => {
    const card = buildWelcomeCard({ locale, distributorName: 'Дистрибьютор Плюс', invitationUrl, gdapApprovalUrl });
    expect(() => expectValidAdaptiveCard(card, { maxBytes: BOT_MESSAGE_MAX_BYTES })).not.toThrow();
    const text = cardTexts(card).join('\n');
    expect(text).toContain(locale === 'ru' ? 'Шаг 2. Одобрите доступ администратора (GDAP)' : 'Step 2. Approve admin access (GDAP)');
    expect(text).toContain(locale === 'ru' ? 'Шаг 3. Отправьте заявку' : 'Step 3. Send the order');
    expect(openUrls(card)).toEqual([
      { title: locale === 'ru' ? 'Открыть приглашение' : 'Open invitation', url: invitationUrl },
      { title: locale === 'ru' ? 'Одобрить доступ (GDAP)' : 'Approve admin access (GDAP)', url: gdapApprovalUrl },
    ]);
    const gdapContainer = card.body.find((element) => element.type === 'Container');
    expect(gdapContainer && cardTexts({ ...card, body: [gdapContainer] }).join('\n')).toMatch(/GDAP/);
  });
});

describe('welcome card texts', () => {
  it('says plainly that delegated admin makes the partner a Global Administrator, when the distributor asks for it', () => {
    const ru = cardTexts(buildWelcomeCard({ locale: 'ru', distributorName: 'D', invitationUrl, invitationDelegatedAdmin: true })).join('\n');
    const en = cardTexts(buildWelcomeCard({ locale: 'en', distributorName: 'D', invitationUrl, invitationDelegatedAdmin: true })).join('\n');
    expect(ru).toMatch(/права делегированного администратора: партнёр получит роль глобального администратора/);
    expect(en).toMatch(/delegated admin rights: the partner gets the Global Administrator role/);
    expect(ru).not.toMatch(/не права администратора/);
  });

  it('adds the English meaning of the older Russian labels in English', () => {
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

  it('escapes the distributor name, in the GDAP step too', () => {
    const card = buildWelcomeCard({ locale: 'ru', distributorName: '[Партнёр](https://evil.example)', invitationUrl, gdapApprovalUrl });
    const check = expectValidAdaptiveCard(card);
    expect(check.rendered.querySelector('.ac-textBlock a')).toBeNull();
    expect(check.rendered.textContent).toContain('[Партнёр](https://evil.example)');
  });
});
