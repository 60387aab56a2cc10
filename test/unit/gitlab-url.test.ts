import { describe, expect, it } from 'vitest';
import { isLocalHost, normalizeGitLabUrl, originPermissionPattern } from '../../utils/gitlab-url';

const PAGE_NOTE = (url: string) => `Using ${url}: the address you pasted points at a page inside GitLab.`;
const HTTP_REFUSED = (host: string) =>
  `Use https:// for ${host}: over http:// the token would travel unencrypted. ` +
  'http:// is allowed only for a GitLab on this computer or your local network.';

describe('normalizeGitLabUrl', () => {
  it.each([
    ['https://gitlab.com', 'https://gitlab.com'],
    ['  https://gitlab.example.com/  ', 'https://gitlab.example.com'],
    ['gitlab.example.com', 'https://gitlab.example.com'],
    ['https://example.com/gitlab/api/v4', 'https://example.com/gitlab'],
    ['https://example.com/gitlab/api/v4/projects/1', 'https://example.com/gitlab'],
    ['http://127.0.0.1:3000/?x=1#y', 'http://127.0.0.1:3000'],
    // A GitLab served below a path (relative URL root) is kept as typed: nothing tells it from a page.
    ['https://example.com/gitlab', 'https://example.com/gitlab'],
    ['https://example.com/gitlab/', 'https://example.com/gitlab'],
    ['https://example.com/group/project', 'https://example.com/group/project'],
    // Reserved top-level names without one of their pages may still be a relative URL root.
    ['https://example.com/dashboard', 'https://example.com/dashboard'],
    ['https://example.com/users', 'https://example.com/users'],
  ])('%s → %s, with no note', (input, expected) => {
    expect(normalizeGitLabUrl(input)).toStrictEqual({ ok: true, url: expected });
  });

  it.each([
    // Anything with /-/ is a page of a project, group or the instance: its root is the origin.
    ['https://gitlab.example.com/group/project/-/issues/3', 'https://gitlab.example.com'],
    ['https://gitlab.com/gitlab-org/gitlab/-/issues/1', 'https://gitlab.com'],
    ['gitlab.example.com/group/sub/project/-/merge_requests/7?tab=diffs#note_1', 'https://gitlab.example.com'],
    ['https://gitlab.example.com/groups/platform/-/epics/4', 'https://gitlab.example.com'],
    ['https://gitlab.example.com/-/user_settings/personal_access_tokens', 'https://gitlab.example.com'],
    ['https://gitlab.example.com/group/project/-', 'https://gitlab.example.com'],
    ['http://127.0.0.1:3000/group/project/-/boards/1', 'http://127.0.0.1:3000'],
    // Top-level routes with one of their pages: what is in front is the relative URL root.
    ['https://gitlab.example.com/users/sign_in', 'https://gitlab.example.com'],
    ['https://example.com/gitlab/users/sign_in', 'https://example.com/gitlab'],
    ['https://gitlab.example.com/users/password/new', 'https://gitlab.example.com'],
    ['https://gitlab.example.com/dashboard/merge_requests?assignee_username=ada', 'https://gitlab.example.com'],
    ['https://example.com/gitlab/dashboard/todos', 'https://example.com/gitlab'],
    ['https://gitlab.example.com/explore/projects/starred', 'https://gitlab.example.com'],
  ])('%s → %s, saying so', (input, expected) => {
    expect(normalizeGitLabUrl(input)).toStrictEqual({ ok: true, url: expected, note: PAGE_NOTE(expected) });
  });

  it('spells out the note for a pasted issue URL', () => {
    expect(normalizeGitLabUrl('https://gitlab.example.com/group/project/-/issues/3')).toStrictEqual({
      ok: true,
      url: 'https://gitlab.example.com',
      note: 'Using https://gitlab.example.com: the address you pasted points at a page inside GitLab.',
    });
  });

  it.each([
    ['', 'Enter the address of your GitLab, such as https://gitlab.com.'],
    ['ftp://gitlab.example.com', 'The GitLab address must start with https:// (or http:// for a local GitLab).'],
    ['https://user:pw@gitlab.example.com', 'Leave the user name and password out of the address; the token signs you in.'],
    ['https://exa mple.com', '"https://exa mple.com" is not a web address. Use the form https://gitlab.example.com.'],
  ])('rejects %j with a message the user can act on', (input, message) => {
    expect(normalizeGitLabUrl(input)).toStrictEqual({ ok: false, message });
  });

  it('asks for the host on any port', () => {
    expect(originPermissionPattern('http://127.0.0.1:3000/gitlab')).toBe('http://127.0.0.1/*');
  });
});

describe('http:// only for this computer and the local network', () => {
  it.each([
    ['http://localhost:8080/', 'http://localhost:8080'],
    ['http://localhost.:8080', 'http://localhost.:8080'],
    ['http://gitlab.localhost', 'http://gitlab.localhost'],
    ['http://gitlab.local/', 'http://gitlab.local'],
    ['http://127.0.0.1', 'http://127.0.0.1'],
    ['http://127.255.0.9', 'http://127.255.0.9'],
    ['http://0x7f.1', 'http://127.0.0.1'], // URL writes every IPv4 form as dotted decimal first
    ['http://10.0.0.1', 'http://10.0.0.1'],
    ['http://10.255.255.255', 'http://10.255.255.255'],
    ['http://172.16.0.1', 'http://172.16.0.1'],
    ['http://172.31.255.255', 'http://172.31.255.255'],
    ['http://192.168.1.8:3000', 'http://192.168.1.8:3000'],
    ['http://169.254.10.20', 'http://169.254.10.20'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['http://[fc00::1]', 'http://[fc00::1]'],
    ['http://[fdff:1:2::3]', 'http://[fdff:1:2::3]'],
    ['http://[fe80::1]', 'http://[fe80::1]'],
    ['http://[febf:ffff::1]', 'http://[febf:ffff::1]'],
    ['http://[::ffff:192.168.0.1]', 'http://[::ffff:c0a8:1]'],
    ['http://[::ffff:127.0.0.1]', 'http://[::ffff:7f00:1]'],
  ])('accepts %s', (input, expected) => {
    expect(normalizeGitLabUrl(input)).toStrictEqual({ ok: true, url: expected });
  });

  it.each([
    ['http://gitlab.example.com', 'gitlab.example.com'],
    ['http://gitlab.example.com:8080/group/project/-/issues/3', 'gitlab.example.com'],
    ['http://gitlab', 'gitlab'],
    ['http://localhost.example.com', 'localhost.example.com'],
    ['http://gitlab.local.example.com', 'gitlab.local.example.com'],
    ['http://127.0.0.1.nip.io', '127.0.0.1.nip.io'],
    ['http://0.0.0.0', '0.0.0.0'],
    ['http://8.8.8.8', '8.8.8.8'],
    ['http://11.0.0.1', '11.0.0.1'],
    ['http://172.15.255.255', '172.15.255.255'],
    ['http://172.32.0.1', '172.32.0.1'],
    ['http://192.169.0.1', '192.169.0.1'],
    ['http://169.253.0.1', '169.253.0.1'],
    ['http://[2001:db8::1]', '[2001:db8::1]'],
    ['http://[::2]', '[::2]'],
    ['http://[fe00::1]', '[fe00::1]'],
    ['http://[fec0::1]', '[fec0::1]'],
    ['http://[::ffff:8.8.8.8]', '[::ffff:808:808]'],
  ])('refuses %s: the token would travel in clear text', (input, host) => {
    expect(normalizeGitLabUrl(input)).toStrictEqual({ ok: false, message: HTTP_REFUSED(host) });
  });

  it('spells out the message', () => {
    expect(normalizeGitLabUrl('http://gitlab.example.com')).toStrictEqual({
      ok: false,
      message:
        'Use https:// for gitlab.example.com: over http:// the token would travel unencrypted. http:// is allowed only for a GitLab on this computer or your local network.',
    });
  });

  it('accepts https:// for any host', () => {
    expect(normalizeGitLabUrl('https://8.8.8.8')).toStrictEqual({ ok: true, url: 'https://8.8.8.8' });
  });

  it('classifies host names as URL writes them', () => {
    expect(isLocalHost('[0:0:0:0:0:0:0:1]')).toBe(true);
    expect(isLocalHost('[::]')).toBe(false);
    expect(isLocalHost('[1:2:3:4:5:6:7:8:9]')).toBe(false);
    expect(isLocalHost('256.0.0.1')).toBe(false);
  });
});
