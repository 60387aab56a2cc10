// Small pieces of GitLab markup shared by the page shells: label chips, avatars, dates, badges.

import { parseDate } from '../dates.ts';
import type { Dataset } from '../dataset.ts';
import type { Label, User } from '../types.ts';
import { html, raw, type SafeHtml } from './html.ts';

export const avatarSrc = (user: User): string => `/uploads/-/system/user/avatar/${user.id}/avatar.png`;

// Tiny stroke icons standing in for GitLab's SVG sprite (no external assets, no emoji fonts).
const ICON_PATHS = {
  weight: '<path d="M8 2v12M3 14h10M4 5h8M4 5l-2 5h4zM12 5l-2 5h4z"/>',
  clock: '<circle cx="8" cy="8" r="6"/><path d="M8 4v4l3 2"/>',
  calendar: '<rect x="2" y="3" width="12" height="11" rx="1"/><path d="M2 7h12M5 1v3M11 1v3"/>',
  hourglass: '<path d="M4 2h8M4 14h8M5 2c0 4 6 4 6 6s-6 2-6 6M11 2c0 4-6 4-6 6s6 2 6 6"/>',
  lock: '<rect x="3" y="7" width="10" height="7" rx="1"/><path d="M5 7V5a3 3 0 0 1 6 0v2"/>',
  bell: '<path d="M4 11V7a4 4 0 0 1 8 0v4l1 1H3zM7 14h2"/>',
  check: '<path d="M3 8l3 3 7-7"/>',
  ellipsis: '<circle cx="8" cy="3" r="1"/><circle cx="8" cy="8" r="1"/><circle cx="8" cy="13" r="1"/>',
} as const;

export function icon(name: keyof typeof ICON_PATHS): SafeHtml {
  return raw(`<svg class="gl-icon s12" width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5">${ICON_PATHS[name]}</svg>`);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jun 3, 2025" from "YYYY-MM-DD" or an ISO timestamp. */
export function formatDate(value: string): string {
  const date = new Date(value.length === 10 ? parseDate(value) : Date.parse(value));
  return `${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** GlLabel: scoped labels ("type::bug") show key and value in two parts. */
export function labelChip(label: Label | undefined, name: string, testId?: string): SafeHtml {
  const color = label?.color ?? '#808080';
  const scopeIndex = name.lastIndexOf('::');
  const scoped = scopeIndex > 0;
  const style = `--label-background-color: ${color}; --label-inset-border: inset 0 0 0 2px ${color};`;
  return html`<span class="gl-label gl-label-sm${scoped ? ' gl-label-scoped' : ''}" style="${style}" data-testid="${testId}" title="${label?.description ?? ''}"><a class="gl-link gl-label-link" href="#"><span class="gl-label-text">${scoped ? name.slice(0, scopeIndex) : name}</span>${scoped ? html`<span class="gl-label-text-scoped">${name.slice(scopeIndex + 2)}</span>` : ''}</a></span>`;
}

export function labelChips(data: Dataset, names: readonly string[], testId?: string): SafeHtml {
  const byName = new Map(data.labels.map((label) => [label.name, label]));
  return html`${[...names].sort().map((name) => labelChip(byName.get(name), name, testId))}`;
}

export function avatarLink(user: User, size = 24, extraClass = ''): SafeHtml {
  return html`<a class="user-avatar-link ${extraClass}" href="/${user.username}" title="${user.name}"><img class="avatar s${size} gl-avatar gl-avatar-circle" width="${size}" height="${size}" src="${avatarSrc(user)}" alt="Avatar for ${user.name}"></a>`;
}

export function authorLink(user: User | undefined): SafeHtml {
  return user ? html`<a class="author-link" href="/${user.username}" data-user-id="${user.id}" data-username="${user.username}">${user.name}</a>` : html`<span>Unknown</span>`;
}

export function stateBadge(state: 'opened' | 'closed', testId: string, noun = ''): SafeHtml {
  const open = state === 'opened';
  return html`<span class="badge badge-pill gl-badge ${open ? 'badge-success' : 'badge-info'}" data-testid="${testId}">${open ? 'Open' : 'Closed'}${noun ? ` ${noun}` : ''}</span>`;
}

/** `code` spans; everything else stays text. */
function inline(line: string): SafeHtml {
  return html`${line.split('`').map((part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}

/** Markdown-ish description: paragraphs and checklists, always escaped. */
export function descriptionHtml(text: string): SafeHtml {
  const blocks = text.split(/\n{2,}/).filter((block) => block.trim() !== '');
  return html`<div class="md">${blocks.map((block) => {
    const lines = block.split('\n');
    if (lines.every((line) => /^\s*[-*] /.test(line))) {
      return html`<ul class="task-list">${lines.map((line) => {
        const task = /^\s*[-*] \[([ xX])\] (.*)$/.exec(line);
        return task
          ? html`<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled ${task[1] === ' ' ? '' : html`checked`}> ${inline(task[2] ?? '')}</li>`
          : html`<li>${inline(line.replace(/^\s*[-*] /, ''))}</li>`;
      })}</ul>`;
    }
    return html`<p dir="auto">${lines.map((line, index) => html`${index > 0 ? html`<br>` : ''}${inline(line)}`)}</p>`;
  })}</div>`;
}

/** Initials avatar served for /uploads/-/system/user/avatar/:id/avatar.png (no network needed). */
export function avatarSvg(user: User): string {
  const initials = user.name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const hue = (user.id * 47) % 360;
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${hue}, 45%, 55%)"/><text x="32" y="40" font-family="sans-serif" font-size="24" text-anchor="middle" fill="#fff">${initials}</text></svg>`.value;
}
