/**
 * The GitLab address a user types, made canonical: scheme, host, optional relative URL root
 * (GitLab can be served below a path), no trailing slash, no `/api/v4`, no query.
 */
const GITLAB_COM = 'https://gitlab.com';

/**
 * `note` is set when the address was changed in a way the user should see (a page inside GitLab
 * was pasted), so the options page can say which address is used instead.
 */
type GitLabUrlResult = { ok: true; url: string; note?: string } | { ok: false; message: string };

export function normalizeGitLabUrl(input: string): GitLabUrlResult {
  const raw = input.trim();
  if (!raw) return { ok: false, message: 'Enter the address of your GitLab, such as https://gitlab.com.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `"${raw}" is not a web address. Use the form https://gitlab.example.com.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The GitLab address must start with https:// (or http:// for a local GitLab).' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Leave the user name and password out of the address; the token signs you in.' };
  }
  if (url.protocol === 'http:' && !isLocalHost(url.hostname)) {
    return {
      ok: false,
      message:
        `Use https:// for ${url.hostname}: over http:// the token would travel unencrypted. ` +
        'http:// is allowed only for a GitLab on this computer or your local network.',
    };
  }
  // People paste API URLs: keep only what is above `/api/v4` (the extension adds it itself).
  const path = url.pathname.replace(/\/api\/v4(\/.*)?$/, '');
  const root = instanceRoot(path);
  const base = `${url.origin}${root.replace(/\/+$/, '')}`;
  if (root === path) return { ok: true, url: base };
  return { ok: true, url: base, note: `Using ${base}: the address you pasted points at a page inside GitLab.` };
}

/**
 * Top-level GitLab routes (reserved names in GitLab's lib/gitlab/path_regex.rb TOP_LEVEL_ROUTES,
 * so no group or user can be called that) followed by one of their well-known pages. They sit
 * right below GitLab's root, so what comes before them is the relative URL root, if any.
 */
const TOP_LEVEL_PAGE =
  /\/(?:users\/(?:sign_in|sign_up|password|confirmation|unlock|auth)|dashboard\/(?:projects|groups|issues|merge_requests|todos|activity|snippets|milestones|labels)|explore\/(?:projects|groups|snippets|catalog|topics))(?:\/.*)?$/;

/** The path of GitLab's root for a path a user pasted (`''` for a GitLab at the origin). */
function instanceRoot(path: string): string {
  // `/-/` separates a project or group path from its pages (and holds instance pages such as
  // `/-/profile`). What is in front of it is a namespace we cannot tell from a relative URL root,
  // so the origin is used and the note shows it.
  if (/\/-(?:\/|$)/.test(path)) return '';
  return path.replace(TOP_LEVEL_PAGE, '');
}

/**
 * True for hosts where http:// keeps the token on this computer or the local network: loopback,
 * `localhost` and `*.localhost`, mDNS `*.local`, and private or link-local IPv4 and IPv6 addresses.
 * `hostname` is as WHATWG URL gives it: lower case, IPv4 in dotted decimal, IPv6 in brackets.
 */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  const ipv4 = ipv4Octets(host);
  if (ipv4) return isLocalIpv4(ipv4);
  if (host.startsWith('[') && host.endsWith(']')) {
    const hextets = ipv6Hextets(host.slice(1, -1));
    if (!hextets) return false;
    const [first = 0] = hextets;
    const zeroUntil = (end: number) => hextets.slice(0, end).every((h) => h === 0);
    if (zeroUntil(7) && hextets[7] === 1) return true; // ::1
    if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
    if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
    if (zeroUntil(5) && hextets[5] === 0xffff) {
      // ::ffff:a.b.c.d, an IPv4 address written as IPv6
      const [high = 0, low = 0] = hextets.slice(6);
      return isLocalIpv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
    }
  }
  return false;
}

function ipv4Octets(host: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

function isLocalIpv4([a = -1, b = -1]: number[]): boolean {
  return (
    a === 127 || // loopback
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) // link-local
  );
}

/** `fe80::1` → eight 16-bit numbers; null for anything else (URL already wrote IPv4 parts as hex). */
function ipv6Hextets(address: string): number[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined) => (part ? part.split(':').map((h) => (/^[0-9a-f]{1,4}$/i.test(h) ? parseInt(h, 16) : NaN)) : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const hextets = [...head, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  return hextets.some(Number.isNaN) ? null : hextets;
}

/** The host permission pattern for a GitLab origin (any port; Chrome match patterns ignore it). */
export function originPermissionPattern(gitlabUrl: string): string {
  const url = new URL(gitlabUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export function isGitLabCom(gitlabUrl: string): boolean {
  return new URL(gitlabUrl).origin === GITLAB_COM;
}
