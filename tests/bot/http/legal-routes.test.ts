import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { Server } from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerLegalRoutes } from '../../../bot/http/legal-routes.js';
import type { LegalPages } from '../../../bot/http/legal-routes.js';

let server: Server | undefined;

afterEach(async () => {
  server?.server.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function start(pages: LegalPages): Promise<string> {
  server = restify.createServer();
  server.use(restify.plugins.queryParser({ mapParams: false }));
  registerLegalRoutes(server, pages);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const DISTRIBUTOR = 'ООО «Дистрибьютор <Плюс>»';

describe('/privacy and /terms', () => {
  it.each([
    ['ru', 'ru-RU,ru;q=0.9', /Конфиденциальность/, [/Заявка/, /Microsoft Graph/, /Azure Table Storage/, /Как долго хранятся/, /Как удалить данные/]],
    ['en', 'en-US,en;q=0.9', /Privacy/, [/The order/, /Microsoft Graph/, /Azure Table Storage/, /How long it is kept/, /How to have your data deleted/]],
  ])('serves the privacy page in %s from Accept-Language, saying what is stored, where, how long and how to delete it', async (lang, acceptLanguage, title, facts) => {
    const url = await start({ distributorName: DISTRIBUTOR });
    const response = await fetch(`${url}/privacy`, { headers: { 'accept-language': acceptLanguage } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toMatch(title);
    for (const fact of facts) expect(html).toMatch(fact);
  });

  it('lets ?lang= choose the language over Accept-Language, and ignores an unknown one', async () => {
    const url = await start({ distributorName: DISTRIBUTOR });
    const english = await (await fetch(`${url}/terms?lang=en`, { headers: { 'accept-language': 'ru' } })).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toMatch(/Terms of use/);
    const fallback = await (await fetch(`${url}/terms?lang=de`, { headers: { 'accept-language': 'ru' } })).text();
    expect(fallback).toMatch(/Условия использования/);
  });

  it('escapes the distributor name and allows no script', async () => {
    const url = await start({ distributorName: DISTRIBUTOR });
    const response = await fetch(`${url}/privacy?lang=ru`);
    const html = await response.text();
    expect(html).toContain('ООО «Дистрибьютор &#60;Плюс&#62;»');
    expect(html).not.toContain('<Плюс>');
    expect(html).not.toMatch(/<script/i);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).toMatch(/frame-ancestors 'self' .*https:\/\/teams\.microsoft\.com/);
  });

  it('redirects to the distributor’s own pages when PRIVACY_URL and TERMS_URL are set', async () => {
    const url = await start({ distributorName: DISTRIBUTOR, privacyUrl: 'https://distributor.example/privacy', termsUrl: 'https://distributor.example/terms' });
    const privacy = await fetch(`${url}/privacy`, { redirect: 'manual' });
    expect(privacy.status).toBe(302);
    expect(privacy.headers.get('location')).toBe('https://distributor.example/privacy');
    const terms = await fetch(`${url}/terms?lang=en`, { redirect: 'manual' });
    expect(terms.headers.get('location')).toBe('https://distributor.example/terms');
  });
});
