import { act } from 'react';
import type { RenderedTab } from './render-tab.js';

/** The input with this id, or a failure naming it. */
export const input = (tab: RenderedTab, id: string): HTMLInputElement => {
  const element = tab.container.querySelector<HTMLInputElement>(`#${id}`);
  if (!element) throw new Error(`no input #${id}`);
  return element;
};

/** Types like a user: React listens to the native value setter plus an input event. */
export async function type(tab: RenderedTab, id: string, value: string): Promise<void> {
  const element = input(tab, id);
  await act(async () => {
    element.focus();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The error message Fluent's Field ties to the input (`aria-describedby` → `role="alert"`). */
export const errorOf = (tab: RenderedTab, id: string): string | undefined => {
  const describedBy = input(tab, id).getAttribute('aria-describedby') ?? '';
  return describedBy
    .split(' ')
    .map((ref) => tab.container.querySelector(`[id="${ref}"]`))
    .find((element) => element?.getAttribute('role') === 'alert')?.textContent ?? undefined;
};
