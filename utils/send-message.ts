/**
 * The one place UI and content scripts talk to the background. Requests are validated before
 * they leave, answers after they arrive, and failures become `MessageError` with a typed kind.
 */
import { browser } from 'wxt/browser';
import {
  allMessages,
  answerSchema,
  MessageError,
  type MessageName,
  type RequestOf,
  type ResponseOf,
} from './messages';

export async function sendMessage<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const spec = allMessages[name];
  const request = spec.request.parse(payload);
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ name, payload: request });
  } catch (error) {
    // The extension was reloaded or its worker could not start: say so instead of crashing.
    throw new MessageError({
      kind: 'extension-unavailable',
      message: `Engineering Lens could not reach its background service (${String(error)}). Reload the page.`,
    });
  }
  const answer = answerSchema.safeParse(raw);
  if (!answer.success) {
    throw new MessageError({ kind: 'internal', message: `Unexpected answer to ${name}.` });
  }
  if (!answer.data.ok) throw new MessageError(answer.data.error);
  const data = spec.response.safeParse(answer.data.data);
  if (!data.success) throw new MessageError({ kind: 'internal', message: `Malformed answer to ${name}.` });
  return data.data as ResponseOf<N>;
}
