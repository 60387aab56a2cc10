/**
 * Routes messages to handlers after checking who sent them and what they sent (SPEC §8).
 * `ui:*` messages are accepted only from this extension's own pages; `content:*` only from a
 * content script in a tab of an allowed GitLab origin. Pure apart from the handlers it calls.
 */
import {
  allMessages,
  envelopeSchema,
  isContentMessage,
  isUiMessage,
  MessageError,
  type Answer,
  type ErrorInfo,
  type MessageName,
  type RequestOf,
  type ResponseOf,
} from '../messages';

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export type Handlers = {
  [N in MessageName]: (payload: RequestOf<N>, sender: Sender) => Promise<ResponseOf<N>>;
};

interface RouterOptions {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionBaseUrl: string;
  /** Whether a content script on this page URL may talk to us (gitlab.com or the configured GitLab). */
  isAllowedContentUrl: (url: string) => Promise<boolean>;
  onError?: (name: string, error: unknown) => void;
  /** Turns a known failure (a GitLab error) into words for the user; null for bugs. */
  describeError?: (error: unknown) => ErrorInfo | null;
}

export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async function route(message: unknown, sender: Sender): Promise<Answer<unknown>> {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success || !Object.hasOwn(allMessages, envelope.data.name)) {
      return fail('invalid-request', 'Unknown message.');
    }
    const name = envelope.data.name as MessageName;
    if (!(await senderMayCall(name, sender, options))) {
      return fail('forbidden-sender', `${name} is not accepted from this sender.`);
    }
    const request = allMessages[name].request.safeParse(envelope.data.payload);
    if (!request.success) return fail('invalid-request', `Malformed ${name} request.`);
    try {
      const handler = handlers[name] as (payload: unknown, sender: Sender) => Promise<unknown>;
      return { ok: true, data: await handler(request.data, sender) };
    } catch (error) {
      options.onError?.(name, error);
      if (error instanceof MessageError) return { ok: false, error: error.info };
      const known = options.describeError?.(error);
      if (known) return { ok: false, error: known };
      return fail('internal', `Engineering Lens hit an unexpected error handling ${name}.`);
    }
  };
}

async function senderMayCall(name: MessageName, sender: Sender, options: RouterOptions): Promise<boolean> {
  if (sender.id !== options.extensionId) return false;
  if (isUiMessage(name)) return isExtensionPage(sender, options);
  if (isContentMessage(name)) {
    // The frame that sent it decides (content scripts run in top frames only, but be exact).
    const url = sender.url ?? sender.tab?.url;
    return !!sender.tab && !!url && (await options.isAllowedContentUrl(url));
  }
  return false;
}

function isExtensionPage(sender: Sender, options: RouterOptions): boolean {
  return !!sender.url && sender.url.startsWith(options.extensionBaseUrl);
}

function fail(kind: string, message: string): Answer<never> {
  return { ok: false, error: { kind, message } };
}

