import { describe, expect, it } from 'vitest';
import { isConfiguredGitLabPage } from '../../../utils/background/content-script-registration';

describe('isConfiguredGitLabPage', () => {
  it('accepts pages of the configured GitLab only', () => {
    expect(isConfiguredGitLabPage('https://gitlab.example.com/g/p/-/issues/1', 'https://gitlab.example.com')).toBe(true);
    expect(isConfiguredGitLabPage('https://gitlab.example.com/gitlab/g/p', 'https://gitlab.example.com/gitlab')).toBe(true);
    expect(isConfiguredGitLabPage('https://gitlab.com/g/p/-/issues/1', 'https://gitlab.com')).toBe(true);
  });

  it('keeps a self-managed GitLab’s data away from gitlab.com pages and other sites', () => {
    expect(isConfiguredGitLabPage('https://gitlab.com/g/p/-/issues/1', 'https://gitlab.example.com')).toBe(false);
    expect(isConfiguredGitLabPage('https://gitlab.example.com.evil.test/', 'https://gitlab.example.com')).toBe(false);
    expect(isConfiguredGitLabPage('http://gitlab.example.com/', 'https://gitlab.example.com')).toBe(false);
    expect(isConfiguredGitLabPage('not a url', 'https://gitlab.example.com')).toBe(false);
  });
});
