/**
 * The safety detector: rules from content/safety/ applied to the normalised message.
 * Every result names, in plain words, the lexicon entries (and any modifiers) that produced it.
 */
import { Normaliser, type Tok } from './normalise';
import { compile, PatternSet, patternWords, type Match } from './patterns';
import type { LexiconEntry } from './schema';
import { loadSafetyData, type SafetyData } from './load';
import { SafetyClassifier, type ClassifierVerdict, type TrainingExample } from './classifier';
import { LogisticClassifier } from './logistic';
import { trainedClassifier, trainedLogistic } from './trainedCache';
import { createAnsweringRules } from './answering';
import { LEVEL_RANK, type DetectContext, type Detector, type SafetyCategory, type SafetyLevel, type SafetyResult } from './types';

interface Hit {
  entry: LexiconEntry;
  level: SafetyLevel;
  notes: string[];
  tags: string[];
  /** softened only because another sentence frames the message (a lesson, the news): the classifier may still judge it */
  framed?: boolean;
}

const MAX_RECENT = 5;
const CATEGORY_WORDS: Record<SafetyCategory, string> = {
  suicide: 'suicide',
  self_harm: 'self-harm',
  abuse: 'abuse or neglect',
  sexual_exploitation_or_grooming: 'grooming or exploitation',
  domestic_abuse_at_home: 'violence or fear at home',
  immediate_danger: 'immediate danger',
  harm_to_others: 'harming someone else',
  eating_disorder: 'an eating disorder',
  bullying_threats: 'bullying or threats',
};
const MAX_REASONS = 6;

export interface DetectorOptions {
  /** trains the classifier beside the rules from the tokenised training lines, in place of the shipped naive Bayes
   * (for experiments such as scripts/safety-lr-crossval.ts; the shipped detector never passes one). The logistic
   * regression of rules.json's classifier.logistic is still trained beside it unless that is switched off */
  classifier?: (examples: TrainingExample[]) => { classify(toks: Tok[]): ClassifierVerdict | null };
}

export function createDetectorFrom(data: SafetyData, where = 'content/safety', options: DetectorOptions = {}): Detector {
  const { lexicon, normalise, rules } = data;
  const groups = lexicon.groups;
  const vocab = new Set<string>();
  for (const g of Object.values(groups)) for (const w of g) if (!w.endsWith('*')) vocab.add(w.replace(/'/g, ''));
  for (const e of lexicon.entries) for (const w of patternWords(e.pattern, groups)) vocab.add(w);
  for (const v of Object.values(normalise.textspeak)) for (const w of v.split(' ')) vocab.add(w);
  const norm = new Normaliser(normalise, vocab);
  const ts = new Map(Object.entries(normalise.textspeak).map(([k, v]) => [k, v.split(' ')]));
  const expand = (w: string) => ts.get(w) ?? [w];

  const set = <T>(patterns: string[], item: (p: string) => T, file: string) =>
    new PatternSet(patterns.map((p) => compile(p, item(p), groups, file, expand)));
  const entries = new PatternSet(lexicon.entries.map((e) => compile(e.pattern, e, groups, `${where}/lexicon.json entry "${e.id}"`, expand)));
  const masks = new PatternSet(lexicon.masks.map((m) => compile(m.pattern, m, groups, `${where}/lexicon.json mask "${m.id}"`, expand)));
  // the same masks without the topic ones, for a message that says the topic is about them (rules.recognitionCues)
  const ownMasks = new PatternSet(
    lexicon.masks.filter((m) => !m.topic).map((m) => compile(m.pattern, m, groups, `${where}/lexicon.json mask "${m.id}"`, expand)),
  );
  const replyMasks = new PatternSet(
    lexicon.replyMasks.map((m) => compile(m.pattern, m, groups, `${where}/lexicon.json replyMask "${m.id}"`, expand)),
  );
  const rf = `${where}/rules.json`;
  const negation = set(rules.negationCues, (p) => p, rf);
  const past = set(rules.pastCues, (p) => p, rf);
  const still = set(rules.stillCues, (p) => p, rf);
  const now = set(rules.nowCues, (p) => p, rf);
  const trivial = set(rules.trivialTopics, (p) => p, rf);
  const serious = set(rules.seriousCues, (p) => p, rf);
  const fiction = set(rules.fictionCues, (p) => p, rf);
  const recognition = set(rules.recognitionCues, (p) => p, rf);
  const clauseBreaks = new Set(rules.clauseBreaks);
  const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself', 'mine', 'we', 'us', 'our']);
  const SUBJECT = new Set(['i', 'me', 'myself', 'we', 'us']);
  const GENERIC = new Set(['mean', 'means', 'meaning', 'difference', 'definition', 'symptoms', 'signs', 'why', 'someone', 'somebody', 'people', 'person', 'everyone', 'kids', 'teenagers', 'teenager', 'children', 'adults', 'students']);
  const CLOSE = new Set([...FIRST_PERSON, ...(groups.carer ?? []), 'he', 'she', 'him', 'her', 'his', 'they', 'them', 'their', 'brother', 'bro', 'sister', 'sis', 'cousin', 'friend', 'mate', 'bestie', 'boyfriend', 'girlfriend', 'bf', 'gf', 'partner']);
  const downPast = new Set<SafetyCategory>(rules.downgradeWhenPast);
  const escalateNow = new Set<SafetyCategory>(rules.escalateWhenNow);
  const prio = (c: SafetyCategory | null) => (c ? rules.priority.indexOf(c) : 99);
  const cc = rules.classifier;
  const examples = () =>
    data.training!.map((l) => ({ toks: norm.tokens(l.text), label: LEVEL_RANK[l.level] >= LEVEL_RANK.safeguarding ? l.category : null }));
  const nbOn = !!(cc && cc.enabled && data.training && data.training.length);
  // what both models' tables depend on besides their own settings (the training cache's key: trainedCache.ts)
  const trainedFrom = nbOn ? { training: data.training, normalise, vocab: [...vocab].sort() } : null;
  const classifier = nbOn
    ? options.classifier
      ? options.classifier(examples())
      : trainedClassifier({ ...trainedFrom, alpha: cc!.alpha }, () => new SafetyClassifier(examples(), cc!.alpha))
    : null;
  // logistic regression beside naive Bayes (logistic.ts), trained on the same lines, when rules.json switches it on
  const lc = nbOn && cc!.logistic?.enabled ? cc!.logistic : undefined;
  const logistic = lc
    ? (() => {
        const opts = { epochs: lc.epochs, rate: lc.rate, l2: lc.l2, seed: lc.seed };
        return trainedLogistic({ ...trainedFrom, logistic: opts }, () => new LogisticClassifier(examples(), opts));
      })()
    : null;
  const trainedOn = data.training?.length ?? 0;
  const answered = data.answering ? createAnsweringRules(data.answering, expand, `${where}/answering.json`) : null;

  const negIgnore = new Set(rules.negationIgnoreAfter);
  // entries whose own words include a negation ("not allowed to eat", "nobody feeds me"): a negation inside their
  // match is part of the phrase; for the others, a negation inside the gap ("my dad does not hit me") reverses it
  const NEG_WORDS = /(^|[\s(|])(not|never|no|nobody|noone|nothing|none|dont|cant|wont|doesnt|didnt|isnt|havent|hasnt|without)(?=$|[\s)|])/;
  const selfNegating = new Set(lexicon.entries.filter((e) => NEG_WORDS.test(e.pattern.replace(/'/g, ''))));
  function negated(toks: Tok[], from: number, to: number): boolean {
    for (const n of negation.find(toks, undefined, from, to)) {
      const next = toks[n.end];
      if (!next || !negIgnore.has(next.w)) return true;
    }
    return false;
  }

  /** sentence start/end per token, computed once per message (linear) */
  const boundsCache = new WeakMap<Tok[], Array<[number, number]>>();
  function sentenceBounds(toks: Tok[], i: number): [number, number] {
    let all = boundsCache.get(toks);
    if (!all) {
      all = new Array(toks.length);
      let a = 0;
      for (let k = 0; k <= toks.length; k++) {
        if (k === toks.length || toks[k].sent !== toks[a].sent) {
          for (let j = a; j < k; j++) all[j] = [a, k];
          a = k;
        }
      }
      boundsCache.set(toks, all);
    }
    return all[i];
  }
  /** per-sentence cue look-ups, cached so many hits in one long sentence stay linear */
  const cueCache = new WeakMap<Tok[], Map<string, boolean>>();
  function cue(name: string, ps: PatternSet<string>, toks: Tok[], a: number, b: number): boolean {
    let m = cueCache.get(toks);
    if (!m) cueCache.set(toks, (m = new Map()));
    const key = `${name}:${a}`;
    let v = m.get(key);
    if (v === undefined) m.set(key, (v = ps.any(toks, a, b)));
    return v;
  }

  const PAST_WANT = new Set(['wanted', 'needed']);
  /**
   * A "still" cue (again, lately, want to) in the sentence but not inside the matched phrase itself: "I used to want
   * to die, but things are better" is in the past; the "want to" of the phrase says nothing about now.
   */
  function stillOutside(toks: Tok[], a: number, b: number, ms: number, me: number): boolean {
    if (!cue('still', still, toks, a, b)) return false;
    // a "still" word inside the past cue itself ("we made friends again") is part of the cue, not a sign it goes on
    const pasts = past.find(toks, undefined, a, b);
    const inPast = (s: Match<string>) => pasts.some((p) => s.start >= p.start && s.end <= p.end);
    // "wanted to" / "needed to" share the stem of "want to" / "need to" but say nothing about now ("I just wanted to tell someone")
    for (const s of still.find(toks, undefined, a, b)) if ((s.end <= ms || s.start >= me) && !inPast(s) && !PAST_WANT.has(toks[s.start].w)) return true;
    return false;
  }

  /** Marks the tokens inside a pattern set's matches (an everyday use: "beat me at chess", "dying of laughter"). */
  function markMasked(set: typeof masks | typeof replyMasks, toks: Tok[], masked: Uint8Array): Uint8Array {
    for (const m of set.find(toks)) for (let k = m.start; k < m.end; k++) masked[k] = 1;
    return masked;
  }

  function hitsFor(toks: Tok[], masked: Uint8Array): Hit[] {
    if (toks.length === 0) return [];
    const matches = entries.find(toks, masked);
    if (matches.length === 0) return [];
    const hits: Hit[] = [];
    const gap = ageGapHit(toks);
    if (gap) hits.push(gap);
    const messageNow = now.any(toks);
    const messageSerious = serious.any(toks);
    for (const m of matches) hits.push(modify(m, toks, messageNow, messageSerious));
    return hits;
  }

  const AGE_BEFORE = new Set(['is', 'am', 'are', 'aged', 'age', 'turned', 'turning', 'only', 'was']);
  const AGE_AFTER = new Set(['year', 'years', 'yr', 'yrs', 'yo', 'y']);
  const PARTNER = new Set(['boyfriend', 'girlfriend', 'bf', 'gf', 'partner', 'ex', 'crush', 'husband', 'wife', 'fiance', 'fella']);
  const FAMILY = new Set(['brother', 'bro', 'sister', 'sis', 'cousin', 'mum', 'mom', 'mam', 'dad', 'nan', 'gran', 'grandma', 'grandad', 'aunt', 'auntie', 'uncle', 'stepbrother', 'stepsister', 'brothers', 'sisters', 'cousins']);
  const NOT_AGE_AFTER = new Set(['quid', 'pounds', 'pound', 'p', 'minutes', 'mins', 'min', 'hours', 'times', 'messages', 'texts', 'followers', 'likes', 'pics', 'days', 'weeks', 'months', 'percent', 'miles', 'km']);
  /** "he's 22 and i'm 14", "a 25 year old": a big age gap with someone under 18 (a tag for the combos). */
  function ageGapHit(toks: Tok[]): Hit | null {
    const ages: number[] = [];
    let familyAdult = false;
    for (let i = 0; i < toks.length; i++) {
      if (!/^\d{1,2}$/.test(toks[i].w)) continue;
      const n = Number(toks[i].w);
      if (n < 8 || n > 70) continue;
      const before = i > 0 ? toks[i - 1].w : '';
      const after = i + 1 < toks.length ? toks[i + 1].w : '';
      // "my boyfriend's 20", "my bf 19": the age of a partner named just before the number (not "20 quid")
      const partnerAge = (PARTNER.has(before) || (before.endsWith('s') && PARTNER.has(before.slice(0, -1)))) && !NOT_AGE_AFTER.has(after);
      // "my brother is 21": an adult relative's age says nothing about grooming, and shows the message is about
      // family ("my sister is 19 and dating a guy who's 20"); a child relative's age counts ("my sister is 12 and ...")
      if (AGE_BEFORE.has(before) && i >= 2 && FAMILY.has(toks[i - 2].w) && n >= 18) {
        familyAdult = true;
        continue;
      }
      // "i'm 19", "i am 22": the young person is an adult themselves; their own age says nothing about an older person
      // ("my boyfriend took my bank card. im 19" is about the relationship, not grooming)
      if (before === 'am' && i >= 2 && toks[i - 2].w === 'i' && n >= 18) {
        familyAdult = true;
        continue;
      }
      if (AGE_BEFORE.has(before) || AGE_AFTER.has(after) || partnerAge) ages.push(n);
    }
    if (ages.length === 0) return null;
    const lo = Math.min(...ages);
    const hi = Math.max(...ages);
    const tags: string[] = [];
    if (ages.length >= 2 && lo < rules.ageGap.under && hi - lo >= rules.ageGap.minGap) tags.push(rules.ageGap.tag);
    // an adult's age counts when it is the only age given or the other is a child's (two adults: no tag)
    if (rules.ageGap.adultTag && hi >= 18 && ((ages.length === 1 && !familyAdult) || lo < rules.ageGap.under)) tags.push(rules.ageGap.adultTag);
    if (tags.length === 0) return null;
    const entry: LexiconEntry = { id: 'age-gap', pattern: 'age-gap', category: null, level: 'none', rationale: 'Ages stated in the message' };
    return { entry, level: 'none', notes: [], tags };
  }

  function modify(m: Match<LexiconEntry>, toks: Tok[], messageNow: boolean, messageSerious: boolean): Hit {
    const e = m.item;
    const flags = e.flags ?? [];
    const [sa, sb] = sentenceBounds(toks, m.start);
    let level: SafetyLevel = e.level;
    const notes: string[] = [];
    let softened = false;
    let framed = false;
    // negation just before the phrase ("I'd never ...", "I'm not going to ..."), not across "but"
    // a match that starts with "and"/"but"/"if" begins a new clause: a negation before it does not reach it
    let from = clauseBreaks.has(toks[m.start].w) ? m.start : Math.max(sa, m.start - 3);
    for (let k = m.start - 1; k >= from; k--) {
      if (clauseBreaks.has(toks[k].w)) {
        from = k + 1;
        break;
      }
    }
    if (
      !flags.includes('noNegate') &&
      LEVEL_RANK[level] > LEVEL_RANK.concern &&
      (negated(toks, from, m.start) || (!selfNegating.has(e) && m.end - m.start > 2 && negated(toks, m.start + 1, m.end - 1)))
    ) {
      level = 'concern';
      notes.push('said with a negation (e.g. "not", "never"), so noted rather than alerted');
      softened = true;
    }
    if (
      !softened &&
      e.category &&
      downPast.has(e.category) &&
      !flags.includes('noPast') &&
      LEVEL_RANK[level] > LEVEL_RANK.concern &&
      cue('past', past, toks, sa, sb) &&
      !stillOutside(toks, sa, sb, m.start, m.end)
    ) {
      level = 'concern';
      notes.push('described as in the past (e.g. "used to", "years ago") with nothing saying it is happening again');
      softened = true;
    }
    if (!softened && LEVEL_RANK[level] > LEVEL_RANK.concern && !cue('recognition', recognition, toks, 0, toks.length)) {
      // a film, lesson or the news named in the same sentence: the phrase itself must not be about them; named in
      // another sentence ("we did a lesson on it. what are the signs?"): the whole sentence must not be ("... it made
      // me realise i do it" or "he keeps asking me for pics" still alert)
      const here = cue('fiction', fiction, toks, sa, sb);
      if (here || cue('fictionMessage', fiction, toks, 0, toks.length)) {
        // ...nor (another sentence) about someone close to them: "dad hits mum" after a film is a disclosure
        const [fa, fb, close] = here ? [m.start, m.end, FIRST_PERSON] : [sa, sb, CLOSE];
        let firstPerson = false;
        let generic = here;
        for (let k = fa; k < fb; k++) {
          if (close.has(toks[k].w)) firstPerson = true;
          if (GENERIC.has(toks[k].w)) generic = true;
        }
        // (same sentence) "the film made me want to cut again", "i hate myself and want to die": the person just before
        // the phrase is its subject ("my" is not: "my character is gonna poison the king")
        if (here) for (let k = Math.max(sa, m.start - 2); k < m.start; k++) if (SUBJECT.has(toks[k].w)) firstPerson = true;
        // ...and (another sentence) it must ask what a word means or speak of people in general ("what does self harm
        // mean", "someone said", "why is an overdose bad for your liver"): texting often drops the "i" ("cant stop
        // thinking about suicide"), and "how many would it take" is never softened by a school project
        if (!firstPerson && generic) {
          level = 'concern';
          notes.push(here ? 'seems to be about a film, book or show, so noted rather than alerted' : 'the message is about a lesson, film or the news, and this sentence does not speak of themselves, so noted rather than alerted');
          softened = true;
          framed = !here;
        }
      }
    }
    if (!softened && flags.includes('hyperbole') && !messageSerious && cue('trivial', trivial, toks, sa, sb) && LEVEL_RANK[level] > LEVEL_RANK.concern) {
      level = 'concern';
      notes.push('looks like exaggeration about an everyday thing (homework, a game, a song), so noted rather than alerted');
      softened = true;
    }
    if (!softened && e.category && escalateNow.has(e.category) && level === 'safeguarding' && messageNow) {
      level = 'crisis';
      notes.push('the message says it is happening now or tonight');
    }
    return { entry: e, level, notes, tags: softened ? [] : e.tags ?? [], ...(framed ? { framed } : {}) };
  }

  function combos(hits: Hit[]): Hit[] {
    const tags = new Set<string>();
    for (const h of hits) for (const t of h.tags) tags.add(t);
    if (tags.size < 2) return [];
    const out: Hit[] = [];
    for (const c of rules.combos) {
      if (c.all.every((t) => tags.has(t))) {
        const entry: LexiconEntry = { id: `combo:${c.id}`, pattern: c.id, category: c.category, level: c.level, rationale: c.rationale, subcategory: c.subcategory };
        out.push({ entry, level: c.level, notes: ['several signals together'], tags: [] });
      }
    }
    return out;
  }

  function assemble(hits: Hit[]): SafetyResult {
    const real = hits.filter((h) => h.entry.category !== null && h.level !== 'none');
    if (real.length === 0) return { level: 'none', category: null, reasons: [] };
    const specific = (h: Hit) => ((h.entry.flags ?? []).includes('specific') ? 0 : 1);
    real.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || specific(a) - specific(b) || prio(a.entry.category) - prio(b.entry.category));
    const top = real[0];
    const reasons: string[] = [];
    const seen = new Set<string>();
    for (const h of real) {
      if (seen.has(h.entry.rationale)) continue;
      seen.add(h.entry.rationale);
      const cat = h.entry.category + (h.entry.subcategory ? `/${h.entry.subcategory}` : '');
      const note = h.notes.length ? `; ${h.notes.join('; ')}` : '';
      reasons.push(`${h.entry.rationale} (${cat}, ${h.level}${note})`);
      if (reasons.length >= MAX_REASONS) break;
    }
    const res: SafetyResult = { level: top.level, category: top.entry.category, reasons };
    if (top.entry.subcategory) res.subcategory = top.entry.subcategory;
    return res;
  }

  function withContext(hits: Hit[], recent: string[]): Hit[] {
    const ctxHits = hits.filter((h) => (h.entry.flags ?? []).includes('context') && h.entry.contextLevel && LEVEL_RANK[h.entry.contextLevel] > LEVEL_RANK[h.level]);
    if (ctxHits.length === 0 || recent.length === 0) return hits;
    const earlier: Hit[] = [];
    for (const r of recent.slice(-MAX_RECENT)) {
      const t = norm.tokens(r);
      const h = hitsFor(t, markMasked(masks, t, new Uint8Array(t.length)));
      earlier.push(...h, ...combos(h));
    }
    const out = [...hits];
    for (const h of ctxHits) {
      const backing = earlier.find(
        (x) => x.entry.category && (x.entry.category === h.entry.category || x.entry.category === 'suicide' || x.entry.category === 'self_harm') && LEVEL_RANK[x.level] >= LEVEL_RANK.concern,
      );
      if (backing) {
        out.push({
          entry: h.entry,
          level: h.entry.contextLevel!,
          notes: [`read with an earlier message in this conversation: ${lowerFirst(backing.entry.rationale)}`],
          tags: [],
        });
      }
    }
    return out;
  }

  /**
   * The classifiers may raise a message the rules left below safeguarding, to safeguarding only (never crisis),
   * and not when a rule matched and was deliberately softened (negation, past, fiction, exaggeration) or is
   * deliberately left to the conversation's context. Naive Bayes and logistic regression each judge the message
   * against their own bars (rules.json classifier and classifier.logistic); either clearing its bars raises it.
   */
  function withClassifier(res: SafetyResult, hits: Hit[], toks: Tok[], masked: Uint8Array): SafetyResult {
    if (!classifier || !cc || LEVEL_RANK[res.level] >= LEVEL_RANK.safeguarding) return res;
    if (hits.some((h) => !h.framed && h.notes.length > 0 && LEVEL_RANK[h.entry.level] > LEVEL_RANK[h.level])) return res;
    // a rule that is deliberately a concern unless earlier messages back it up ("I've got the tablets ready") decides
    if (hits.some((h) => (h.entry.flags ?? []).includes('context'))) return res;
    // words inside a known everyday use, or an everyday reply to Starling, do not count as evidence (the rules'
    // masks are already marked; the reply masks are for the classifier only, so they go on a copy)
    const all = markMasked(replyMasks, toks, Uint8Array.from(masked));
    const words = all.includes(1) ? toks.filter((_, i) => !all[i]) : toks;
    // a short message gives them few words to go on, so each must be surer
    const short = words.length < (cc.shortWords ?? 0);
    const clears = (v: ClassifierVerdict | null, bars: { threshold: number; shortThreshold?: number; concernThreshold?: number }): boolean => {
      if (!v) return false;
      const own = short && bars.shortThreshold !== undefined ? Math.max(bars.threshold, bars.shortThreshold) : bars.threshold;
      // a rule that noted a concern (not softened: those returned above) and the classifier leaning the same way are
      // two weak signals that agree, so a lower bar applies; a concern about something else is no support. A short
      // message is most often an answer to one of Starling's own questions ("when mum's boyfriend is drunk" as what
      // makes family life hard), which a concern rule and the classifier read alike without knowing the question:
      // the lower bar for agreement is for longer messages only (answering.json reads short answers in context)
      const agrees = res.level === 'concern' && (res.category === null || res.category === v.category);
      const bar = agrees && bars.concernThreshold !== undefined && !(short && bars.shortThreshold !== undefined) ? Math.min(own, bars.concernThreshold) : own;
      return v.risk >= bar;
    };
    const nb = classifier.classify(words);
    const nbUp = clears(nb, cc);
    const lr = logistic && lc && (lc.shortMessages !== false || !short) ? logistic.classify(words) : null;
    const lrUp = !!lc && clears(lr, lc);
    if (!nbUp && !lrUp) return res;
    // the category: naive Bayes's whenever it cleared its bars, else logistic regression's. Their risks are on
    // different scales (naive Bayes's crowd at 0 and 1, logistic regression's are calibrated), so "which cleared its
    // bar by more" has no common measure; and naive Bayes's category has been the one shipped and checked against the
    // corpus's categories, so when both raise it keeps that role
    const v = (nbUp ? nb : lr)!;
    const category = v.category;
    const judged = nbUp && lrUp ? 'Two trained classifiers (naive Bayes and logistic regression) each' : `A trained classifier (${nbUp ? 'naive Bayes' : 'logistic regression'})`;
    // when both raised it but differ on what it is about, the worker is told the other reading too
    const other = nbUp && lrUp && lr!.category !== category ? ` (logistic regression: ${CATEGORY_WORDS[lr!.category]})` : '';
    const why =
      `${judged} compared the whole message with ${trainedOn} labelled examples and found it closer to messages a duty worker must see ` +
      `than to harmless ones, most like those about ${CATEGORY_WORDS[category]}${other}; no single rule was sure, so a person should judge it ` +
      `(${category}, safeguarding)`;
    // the classifier is what raised it, so its category is named (a weak rule about something else, such as "mentions
    // their own age", must not name the alert)
    return { level: 'safeguarding', category, reasons: [why, ...res.reasons].slice(0, MAX_REASONS), ...(res.subcategory && res.category === category ? { subcategory: res.subcategory } : {}) };
  }

  return {
    detect(text: string, ctx?: DetectContext): SafetyResult {
      try {
        const toks = norm.tokens(text);
        // a lesson or film on the topic, and "it made me realise i do it": the topic's own words count again
        // (through the per-message cue cache, so modify() does not scan for the same cues again)
        const masked = markMasked(cue('recognition', recognition, toks, 0, toks.length) ? ownMasks : masks, toks, new Uint8Array(toks.length));
        let hits = hitsFor(toks, masked);
        hits = hits.concat(combos(hits));
        const recent = (ctx?.recent ?? []).filter((r): r is string => typeof r === 'string');
        if (recent.length) hits = withContext(hits, recent);
        const res = assemble(hits);
        const own = classifier ? withClassifier(res, hits, toks, masked) : res;
        // the question this message answers (answering.ts): may raise a short answer, never lowers the message's own result
        return answered && ctx?.answering ? answered.apply(own, toks, ctx.answering) : own;
      } catch (e) {
        // never throw at a caller on a young person's message; fail safe to a concern the worker can see
        return { level: 'concern', category: null, reasons: [`The safety check could not read this message (${(e as Error).message}); a person should look at it`] };
      }
    },
  };
}

function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

let shared: Detector | null = null;
/** The detector over the shipped data in content/safety/, built (and its classifier trained) once per process. */
export function createDetector(): Detector {
  return (shared ??= createDetectorFrom(loadSafetyData()));
}
