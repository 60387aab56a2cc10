// `search` + `in` on the issue lists, the two ways GitLab answers them (IssuableFinder#by_search):
//
// - full-text (GitLab 15.x and later, the default here): PostgreSQL full-text search over
//   issue_search_data (app/models/concerns/pg_full_text_searchable.rb). The title (weight A) and the
//   raw Markdown description (weight B) go through to_tsvector('english', …): HTML comments and
//   tags are single "tag" tokens that are NOT indexed, so text inside `<!-- … -->` can never be
//   found; words are stemmed and stop words dropped. The query keeps only [a-zA-Z0-9 .@/-"], splits
//   into terms ("quoted phrases" stay together) that must all match, each as a word prefix (`:*`).
//   `in` picks the weights. Used whenever the search text is Latin script (FULL_TEXT_SEARCH_TERM_REGEX).
// - substring (GitLab before full-text search, and any search with characters outside those Latin
//   ranges, e.g. CJK or emoji): Issuable.full_search → Gitlab::SQL::Pattern#fuzzy_search, ILIKE
//   '%term%' for every term of 3+ characters, all in the same column; no such term → the whole
//   query must equal the column (case-insensitively).
//
// The full-text side approximates PostgreSQL's parser and Snowball stemmer (a light suffix
// stripper stands in for the stemmer); checked against PostgreSQL 15 on markers, hyphenated ids,
// URLs, paths, emails, versions and common inflections.

import type { Issue } from '../types.ts';

export type IssueSearchMode = 'full-text' | 'substring';

type Column = 'title' | 'description';
const COLUMNS: readonly Column[] = ['title', 'description'];

/** IssuableFinder::FULL_TEXT_SEARCH_TERM_PATTERN: search text with characters outside these ranges uses ILIKE. */
const FULL_TEXT_RANGES: readonly [number, number][] = [
  [0x0000, 0x02ff],
  [0x1e00, 0x1eff],
  [0x2070, 0x218f],
];
const fullTextSearchable = (text: string): boolean =>
  [...text].every((char) => {
    const code = char.codePointAt(0) ?? 0;
    return FULL_TEXT_RANGES.some(([from, to]) => code >= from && code <= to);
  });

// PostgreSQL's english.stop (the Snowball English stop-word list).
const STOP_WORDS = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its ' +
    'itself they them their theirs themselves what which who whom this that these those am is are was were be been being ' +
    'have has had having do does did doing a an the and but if or because as until while of at by for with about against ' +
    'between into through during before after above below to from up down in out on off over under again further then once ' +
    'here there when where why how all any both each few more most other some such no nor not only own same so than too very ' +
    's t can will just don should now'
  ).split(' '),
);

/** GitLab strips runs of 50+ of these before indexing (LONG_WORDS_REGEX). */
const LONG_WORDS = /[A-Za-z0-9+/@]{50,}/g;
/** What PostgreSQL's parser reads as one "tag" token (not indexed): comments, tags, processing instructions. */
const MARKUP = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>|<\?[\s\S]*?\?>/g;
/**
 * A URL (PostgreSQL indexes it whole, its host and its path), or a run of word characters with
 * `. / @ + _ -` inside: with `.`, `/` or `@` it is one token (host, file path, email, version),
 * otherwise `_` separates words and a hyphenated word gives itself then its parts.
 */
const TOKEN = /[a-z][a-z0-9+.-]*:\/\/([\p{L}\p{N}.-]+)((?:\/[^\s<>"'()[\]]*)?)|[\p{L}\p{N}](?:[\p{L}\p{N}._/@+-]*[\p{L}\p{N}])?/giu;
const VOWEL = /[aeiouy]/;

/** ActiveSupport::Inflector.transliterate, roughly: accents off. */
function transliterate(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A light English suffix stripper standing in for the Snowball stemmer; same on both sides. */
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let result = word;
  if (result.endsWith('sses')) result = result.slice(0, -2);
  else if (result.endsWith('ies')) result = `${result.slice(0, -3)}i`;
  else if (result.endsWith('s') && !/(?:ss|us|is)$/.test(result)) result = result.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed']) {
    const base = result.slice(0, -suffix.length);
    if (result.endsWith(suffix) && base.length >= 3 && VOWEL.test(base)) {
      // running → run, but fall → fall, miss → miss
      result = /([^aeiouylsz])\1$/.test(base) ? base.slice(0, -1) : base;
      break;
    }
  }
  // policy → polici, as policies → polici
  if (result.length > 3 && /[^aeiou]y$/.test(result)) result = `${result.slice(0, -1)}i`;
  return result;
}

/** Lexemes in order, roughly as PostgreSQL's parser and the english configuration make them. */
function lexemes(text: string): string[] {
  const out: string[] = [];
  for (const match of transliterate(text).toLowerCase().matchAll(TOKEN)) {
    const [token, host, path] = match;
    if (host !== undefined) {
      out.push(...(path ? [`${host}${path}`, host, path] : [host]));
    } else if (/[./@]/.test(token)) {
      out.push(token);
    } else {
      for (const word of token.split(/[_+]+/).filter(Boolean)) {
        const parts = word.includes('-') ? [word, ...word.split('-').filter(Boolean)] : [word];
        for (const part of parts) if (!STOP_WORDS.has(part)) out.push(stem(part));
      }
    }
  }
  return out;
}

function indexText(text: string): string[] {
  return lexemes(text.replace(MARKUP, ' ').replace(LONG_WORDS, ' '));
}

const vectorCache = new WeakMap<Issue, { title: string; description: string; vector: Record<Column, string[]> }>();

function vectorOf(issue: Issue): Record<Column, string[]> {
  const cached = vectorCache.get(issue);
  if (cached && cached.title === issue.title && cached.description === issue.description) return cached.vector;
  const vector = { title: indexText(issue.title), description: indexText(issue.description) };
  vectorCache.set(issue, { title: issue.title, description: issue.description, vector });
  return vector;
}

/** Gitlab::SQL::Pattern.split_query_to_search_terms: "quoted terms" stay whole, the rest splits on spaces. */
function splitTerms(query: string): string[] {
  const quoted: string[] = [];
  const rest = query.replace(/(?<=^| )"[^"]+"(?= |$)/g, (term) => {
    quoted.push(term.slice(1, -1));
    return '';
  });
  return [...rest.split(/\s+/).filter(Boolean), ...quoted];
}

interface QueryTerm {
  lexemes: string[];
  /** `:*` prefix matching (unquoted terms); quoted phrases match whole lexemes. */
  prefix: boolean;
}

function fullTextTerms(search: string): QueryTerm[] {
  const cleaned = transliterate(search.replace(/(?<=^|\W)\w+:\/\/(?=\w)/g, '')).replace(/[^a-zA-Z0-9 .@/\-"]/g, ' ');
  return splitTerms(cleaned)
    .map((term) => ({ lexemes: lexemes(term), prefix: !/\s/.test(term) }))
    // A term of stop words only (or no word at all) is dropped from the tsquery, as PostgreSQL does.
    .filter((term) => term.lexemes.length > 0);
}

function containsSequence(vector: readonly string[], term: QueryTerm): boolean {
  const { lexemes: wanted, prefix } = term;
  for (let start = 0; start + wanted.length <= vector.length; start++) {
    let ok = true;
    for (let offset = 0; offset < wanted.length && ok; offset++) {
      const have = vector[start + offset] ?? '';
      const want = wanted[offset] ?? '';
      ok = prefix ? have.startsWith(want) : have === want;
    }
    if (ok) return true;
  }
  return false;
}

/** `in`: comma-separated, untrimmed, unknown names ignored; none left → both columns. */
function searchColumns(inParam: string | undefined): Column[] {
  const names = (inParam ?? '').split(',');
  const picked = COLUMNS.filter((column) => names.includes(column));
  return picked.length > 0 ? picked : [...COLUMNS];
}

function fullTextPredicate(search: string, columns: Column[]): (issue: Issue) => boolean {
  const terms = fullTextTerms(search);
  // An empty tsquery ("the", "--") matches nothing.
  if (terms.length === 0) return () => false;
  return (issue) => {
    const vector = vectorOf(issue);
    return terms.every((term) => columns.some((column) => containsSequence(vector[column], term)));
  };
}

function substringPredicate(search: string, columns: Column[]): (issue: Issue) => boolean {
  const query = search.trim().replace(/\s+/g, ' ').toLowerCase();
  const words = splitTerms(query).filter((word) => word.length >= 3);
  return (issue) =>
    columns.some((column) => {
      const text = issue[column].toLowerCase();
      return words.length > 0 ? words.every((word) => text.includes(word)) : text === query;
    });
}

/** The `search` filter of an issue list, or null when there is nothing to search for. */
export function issueSearchPredicate(search: string | undefined, inParam: string | undefined, mode: IssueSearchMode): ((issue: Issue) => boolean) | null {
  // Ruby's `presence`: blank (empty or whitespace only) means no search at all.
  if (search === undefined || search.trim() === '') return null;
  const columns = searchColumns(inParam);
  return mode === 'full-text' && fullTextSearchable(search) ? fullTextPredicate(search, columns) : substringPredicate(search, columns);
}
