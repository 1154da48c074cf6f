import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../bot/http/create-http-server.js';
import { VALIDATION_MESSAGES } from '../../../src/domain/order/validation-messages.js';
import { demoServerForFile } from '../../support/running-app.js';
import { ORDER_INPUT_VALID_ON, orderInput, SAMPLE_ORGANIZATION } from '../../support/order-fixtures.js';

const DEMO_TENANT = '00000000-0000-0000-0000-0000000000001';

const server = demoServerForFile({ clock: () => ORDER_INPUT_VALID_ON });

interface ApiErrors {
  errors: { field: string; code: string; message: string }[];
}

interface OrderBody {
  id: string;
  tenantId: string;
  status: string;
  submissionId: string;
  createdAt: string;
  contact: { phone: string };
  history: { status: string }[];
}

function postOrder(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('POST /api/orders', () => {
  it('stores a valid order (201), and answers a repeat of its submissionId with the same order (200)', async () => {
    const input = orderInput();

    const created = await postOrder(input);
    expect(created.status).toBe(201);
    const order = (await created.json()) as OrderBody;
    expect(order).toMatchObject({
      tenantId: DEMO_TENANT,
      status: 'submitted',
      submissionId: input['submissionId'],
      createdAt: ORDER_INPUT_VALID_ON.toISOString(),
      contact: { phone: '+74951234567' },
    });
    expect(order.id).toMatch(/^CSP-/);
    expect(created.headers.get('cache-control')).toBe('no-store');

    const repeated = await postOrder(input);
    expect(repeated.status).toBe(200);
    expect(((await repeated.json()) as OrderBody).id).toBe(order.id);

    const another = await postOrder(orderInput());
    expect(another.status).toBe(201);
    expect(((await another.json()) as OrderBody).id).not.toBe(order.id);
  });

  it('answers 422 listing every invalid field by its dotted path, with its code', async () => {
    const response = await postOrder({
      ...orderInput(),
      technicalDomain: 'romashka.ru',
      lines: [{ sku: 'NOT_OFFERED', quantity: 0 }],
      organization: { ...SAMPLE_ORGANIZATION, inn: '7707083894', address: { ...SAMPLE_ORGANIZATION.address, postalCode: '1010', street: '' } },
      contact: { fullName: 'Иванов Иван', phone: '12', email: 'it@' },
    });
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as ApiErrors;
    expect(errors.map(({ field, code }) => ({ field, code }))).toEqual(
      expect.arrayContaining([
        { field: 'technicalDomain', code: 'domain_format' },
        { field: 'lines.0.sku', code: 'sku_unknown' },
        { field: 'lines.0.quantity', code: 'quantity_invalid' },
        { field: 'organization.inn', code: 'inn_checksum' },
        { field: 'organization.address.postalCode', code: 'postal_code_format' },
        { field: 'organization.address.street', code: 'required' },
        { field: 'contact.phone', code: 'phone_invalid' },
        { field: 'contact.email', code: 'email_invalid' },
      ]),
    );
    expect(errors).toHaveLength(8);
    const inn = errors.find((error) => error.field === 'organization.inn');
    expect(inn?.message).toBe(VALIDATION_MESSAGES.inn_checksum.en);
  });

  it('speaks Russian to a Russian browser', async () => {
    const response = await postOrder({ ...orderInput(), organization: { ...(orderInput()['organization'] as object), inn: '7707083894' } }, {
      'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8',
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ApiErrors).errors).toEqual([
      { field: 'organization.inn', code: 'inn_checksum', message: VALIDATION_MESSAGES.inn_checksum.ru },
    ]);
  });

  it('refuses an order for a date already past in the distributor\'s time zone', async () => {
    const response = await postOrder({ ...orderInput(), activationDate: '2026-11-19' });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ApiErrors).errors).toEqual([expect.objectContaining({ field: 'activationDate', code: 'date_in_past' })]);
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await postOrder('{"submissionId": ');
    expect(response.status).toBe(400);
    expect(((await response.json()) as ApiErrors).errors).toEqual([expect.objectContaining({ code: 'malformed_json' })]);
  });

  it('answers 400 for JSON that is not an object', async () => {
    const response = await postOrder([orderInput()]);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ApiErrors).errors).toEqual([expect.objectContaining({ code: 'invalid_body' })]);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const response = await fetch(`${server.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(orderInput()),
    });
    expect(response.status).toBe(415);
    const { errors } = (await response.json()) as ApiErrors;
    expect(errors).toEqual([expect.objectContaining({ code: 'unsupported_media_type', message: expect.stringContaining('application/json') })]);
  });

  it('refuses a multipart upload (415) without writing it to the temp folder', async () => {
    const uploadsBefore = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('upload_')));
    const form = new FormData();
    form.append('order', new Blob(['x'.repeat(200_000)]), 'order.json');

    const response = await fetch(`${server.url}/api/orders`, { method: 'POST', body: form });

    expect(response.status).toBe(415);
    const uploadsAfter = readdirSync(tmpdir()).filter((name) => name.startsWith('upload_') && !uploadsBefore.has(name));
    expect(uploadsAfter).toEqual([]);
  });

  it('refuses a compressed body (415): its size limit could not hold', async () => {
    const response = await fetch(`${server.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ ...orderInput(), padding: ' '.repeat(1_000_000) })),
    });
    expect(response.status).toBe(415);
  });

  it('answers 413 for a body over 32 KB, and still reads one of exactly 32 KB', async () => {
    const fill = (bytes: number): string => {
      const input = orderInput();
      const envelope = Buffer.byteLength(JSON.stringify({ ...input, padding: '' }));
      return JSON.stringify({ ...input, padding: 'x'.repeat(bytes - envelope) });
    };

    const tooLarge = await postOrder(fill(MAX_BODY_BYTES + 1));
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as ApiErrors).errors).toEqual([expect.objectContaining({ code: 'payload_too_large' })]);

    // Unknown keys are dropped, so a padded valid order is still an order.
    const justUnder = await postOrder(fill(MAX_BODY_BYTES));
    expect(justUnder.status).toBe(201);
  });

  it('answers 413 before reading a body announced as too large', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request(`${server.url}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) },
      });
      outgoing.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        outgoing.destroy();
      });
      outgoing.on('error', reject);
      // Send a little of the announced body and wait for the answer.
      outgoing.write('{"padding":"' + 'x'.repeat(64 * 1024));
    });
    expect(status).toBe(413);
  });
});

describe('GET /api/orders', () => {
  it("lists the caller's orders, newest first, and reads one by id", async () => {
    const first = (await (await postOrder(orderInput())).json()) as OrderBody;
    const second = (await (await postOrder(orderInput())).json()) as OrderBody;

    const listed = await fetch(`${server.url}/api/orders`);
    expect(listed.status).toBe(200);
    expect(listed.headers.get('cache-control')).toBe('no-store');
    const { orders } = (await listed.json()) as { orders: OrderBody[] };
    const ids = orders.map((order) => order.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(orders.every((order) => order.tenantId === DEMO_TENANT)).toBe(true);

    const one = await fetch(`${server.url}/api/orders/${encodeURIComponent(first.id)}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: first.id, submissionId: first.submissionId, history: [{ status: 'submitted' }] });
  });

  it('answers 404 for an unknown order id', async () => {
    const response = await fetch(`${server.url}/api/orders/CSP-${randomUUID().slice(0, 6).toUpperCase()}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ApiErrors).errors).toEqual([expect.objectContaining({ field: 'id', code: 'order_not_found' })]);
  });
});
