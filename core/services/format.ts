/** Plain-text lines for a chat message, worded by locales/en-GB/signpost.json. */
import type { AgeBand } from '../ageBands';
import { words } from '../i18n';
import type { ServiceView } from './view';

/**
 * short: each service's name, when it is open and how to reach it, without the notes (what it is, cost, ages): for
 * a second list a few minutes after the full one, so the ways to get help stay in the reply without burying it.
 */
export function formatRoutes(views: ServiceView[], band?: AgeBand, opts: { short?: boolean } = {}): string {
  const w = words();
  const blocks = views.map((v) => {
    const onlineOnly = v.routes.length > 0 && v.routes.every((r) => r.kind === 'web' || r.kind === 'form');
    const when = onlineOnly
      ? w.t('signpost:open.online', { band })
      : v.always
      ? w.t('signpost:open.always', { band })
      : v.openNow
        ? w.t('signpost:open.now', { band })
        : v.opensAt
          ? w.t('signpost:open.closed_until', { when: v.opensAt, band })
          : w.t('signpost:open.closed_unknown', { band });
    const lines = [w.t('signpost:format.title', { name: v.name, when, band })];
    if (opts.short) return [...lines, ...v.contact.map((c) => w.t('signpost:format.route', { line: c, band }))].join('\n');
    if (v.about) lines.push(w.t('signpost:format.note', { line: v.about, band }));
    for (const c of v.contact) lines.push(w.t('signpost:format.route', { line: c, band }));
    if (v.billNote) lines.push(w.t('signpost:format.note', { line: v.billNote, band }));
    else if (v.free) lines.push(w.t('signpost:format.note', { line: w.t('signpost:bill.free', { band }), band }));
    if (v.ages) lines.push(w.t('signpost:format.note', { line: v.ages, band }));
    return lines.join('\n');
  });
  return blocks.join('\n\n');
}
