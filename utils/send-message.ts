/**
 * The one place UI and content scripts talk to the background. The background validates every
 * request and checks the sender (utils/background/router.ts); failures come back as
 * `MessageError` with a typed kind. The answer's envelope is checked here; its payload is typed,
 * not re-validated (our own background built it, see messages.ts). Zod-free on purpose: this is
 * in the content script bundle.
 */
import { browser } from 'wxt/browser';
import { MessageError, readAnswer } from './message-envelope';
import type { MessageName, RequestOf, ResponseOf } from './messages';

export async function sendMessage<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ name, payload });
  } catch (error) {
    // The extension was reloaded or its worker could not start: say so instead of crashing.
    throw new MessageError({
      kind: 'extension-unavailable',
      message: `Engineering Lens could not reach its background service (${String(error)}). Reload the page.`,
    });
  }
  const answer = readAnswer(raw);
  if (!answer) throw new MessageError({ kind: 'internal', message: `Unexpected answer to ${name}.` });
  if (!answer.ok) throw new MessageError(answer.error);
  return answer.data as ResponseOf<N>;
}
