import { describe, expect, it } from 'vitest';
import { mentionedPaths } from '@/utils/dri/mentioned-paths';

describe('mentionedPaths', () => {
  it('finds paths in code spans and plain words, without a leading slash', () => {
    expect(mentionedPaths('Cache misses', 'The store in `lib/cache/store.rb` leaks; see /config/redis.yml and app/models/.')).toEqual([
      'lib/cache/store.rb',
      'config/redis.yml',
      'app/models/',
    ]);
  });

  it('takes a single file name only from a code span', () => {
    expect(mentionedPaths('Fix `Gemfile.lock` and README')).toEqual(['Gemfile.lock']);
  });

  it('leaves out URLs, references and dates', () => {
    expect(mentionedPaths('See https://gitlab.com/a/b/-/issues/3, lens-demo/web-app#12, group/project!4 and 2026/01/02.')).toEqual([]);
  });
});
