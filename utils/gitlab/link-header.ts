// RFC 8288 `Link` headers as GitLab sends them for pagination (doc/api/rest/_index.md):
//   <https://gitlab.example.com/api/v4/projects/8/issues?page=2&per_page=100>; rel="next", <...>; rel="last"
// We follow rel="next" only and never rely on x-total: GitLab omits totals above 10,000 records,
// and on GitLab.com some pagination headers may be missing.

/** Map of rel → URL. A link with several rels ("next last") is listed under each. */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  // Split on commas that start a new <...> entry; URLs may themselves contain commas.
  for (const entry of header.split(/,\s*(?=<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(entry);
    if (!match) continue;
    const [, url = '', params = ''] = match;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').split(/\s+/).filter(Boolean);
    for (const name of rels) links[name.toLowerCase()] ??= url;
  }
  return links;
}

/** URL of the next page, or null on the last page. */
export function nextPageUrl(header: string | null | undefined): string | null {
  return parseLinkHeader(header).next ?? null;
}
