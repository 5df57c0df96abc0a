#!/usr/bin/env node
// Deterministic generator of synthetic release archives for the benchmarks.
//
//   node bench/generate.js --count N --out DIR [--seed S] [--json]
//
// Writes DIR/archive.yml, DIR/partners.yml (about 200 partners), DIR/.generated.json (what
// was generated: parameters and the counts below; a dot-file, so not a release) and N
// releases as DIR/YYYY/YYYY-MM-DD-slug.md. The same arguments give byte-identical output,
// and the first N files of a larger archive with the same seed are the N-file archive
// (every file is drawn in order from one seeded stream), so archives of growing size nest.
// DIR must be missing, empty, or an archive this script generated (it is then replaced).
//
// The archive, per SPEC.md: 70% Macedonian (Cyrillic), 15% Albanian, 15% English, dates
// 2005-01-01..2026-10-31 (never in the future of late 2026), bodies of about 3 KB
// (paragraphs, sometimes a heading, a list, bold text or a link), titles of 6–14 words,
// an event on ~60% of files (1–4 days, location in the file's script), 1–4 partners
// written as the registry name or one of its aliases, 0–3 people, 1–4 tags, a summary on
// ~80%, `lang` on all but ~15% of the Macedonian files (those take the archive default),
// and a translation_key on ~10% (groups of 2–3 files in different languages sharing a
// date, event, partners and people; a group cut short by N may leave a lone key).
//
// Search targets (kept out of every word list, so only these rules put them in a file):
//   - cooperation: about 5% of files in each language contain it, in 1–3 sentences of the
//     body and, for ~30% of those, in the title:
//       mk: соработка, соработката, соработки, соработките   (lower-cased stem "соработк")
//       sq: bashkëpunim, bashkëpunimi, bashkëpunimin, bashkëpunimit, bashkëpunime
//       en: cooperation
//   - petrevski: the rare word, in exactly the files whose index i (0-based, generation
//     order) has i % 1000 === 7, i.e. 0.1% (one file at N = 1,000, ten at 10,000): the
//     person "Борче Петревски" (mk), "Borçe Petrevski" (sq), "Borche Petrevski" (en) in
//     `people`, in the body and, for ~30%, in the title.
// The exact numbers of files containing each target are counted on the written text and
// reported in DIR/.generated.json (`targets`), in `--json` output and by generate().
//
// No dependencies: Node 20, ESM. `generate({ count, out, seed })` is exported for the
// harness, as is `ensureArchive()` which reuses an archive generated earlier with the same
// parameters.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  LANGS,
  TAGS,
  TOWNS,
  FOREIGN_CITIES,
  partnerRegistry,
  MK_MALE,
  MK_FEMALE,
  MK_SURNAMES,
  SQ_MALE,
  SQ_FEMALE,
  SQ_SURNAMES,
  TARGET_PATTERNS,
  assertNoTargets,
} from './words.js';
import { transliterate } from '../dist/core/fold.js';

const TEXT = JSON.parse(fs.readFileSync(new URL('./data/sentences.json', import.meta.url), 'utf8'));

export const GENERATOR_VERSION = 1;
const STAMP = '.generated.json';

// ------------------------------------------------------------------ random numbers

/** mulberry32: a small, fast, seedable 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(a) {
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from any string or number (FNV-1a over its decimal/text form). */
function seedOf(s) {
  const str = String(s);
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function makeRng(seed) {
  const r = mulberry32(seed);
  const int = (n) => (r() * n) | 0;
  return {
    r,
    int,
    range: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => r() < p,
    pick: (a) => a[int(a.length)],
    // skewed towards the start of the list: some partners and people are common
    skew: (a) => {
      const x = r();
      return a[(x * x * a.length) | 0];
    },
    // milder skew for words (x^1.6: the first of 500 words gets ~2% of picks)
    word: (a) => a[(r() ** 1.6 * a.length) | 0],
    shuffle(a) {
      const b = a.slice();
      for (let i = b.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [b[i], b[j]] = [b[j], b[i]];
      }
      return b;
    },
  };
}

// ------------------------------------------------------------------ transliteration

// Macedonian Cyrillic → Latin with the project's own table (dist/core/fold.js). Albanian
// texts spell a few letters of Macedonian names their own way.
const ALBANIAN_SPELLING = { ѕ: 'x', ќ: 'q', ч: 'ç', џ: 'xh' };
const mkToLatin = (s) => transliterate(s);
const mkToAlbanian = (s) =>
  transliterate(
    s.replace(/[ѕќчџЅЌЧЏ]/g, (ch) => {
      const t = ALBANIAN_SPELLING[ch.toLowerCase()];
      return ch === ch.toLowerCase() ? t : t[0].toUpperCase() + t.slice(1);
    }),
  );

// Albanian names as Macedonian texts write them (digraphs first).
const SQ_CYR = TEXT.albanianToCyrillic;
function sqToCyrillic(s) {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const two = s.slice(i, i + 2).toLowerCase();
    const one = s[i].toLowerCase();
    const hit = SQ_CYR.find(([l]) => l === two) || SQ_CYR.find(([l]) => l === one);
    if (!hit) {
      out += s[i];
      i++;
      continue;
    }
    const upper = s[i] !== s[i].toLowerCase();
    out += upper ? hit[1].toUpperCase() : hit[1];
    i += hit[0].length;
  }
  return out;
}

/** ASCII slug from a title: transliterated, lower-case, at most ~60 characters. */
function slugify(title) {
  const ascii = mkToLatin(title.toLowerCase())
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= 60) return ascii || 'release';
  const cut = ascii.slice(0, 61);
  const dash = cut.lastIndexOf('-');
  return (dash > 20 ? cut.slice(0, dash) : ascii.slice(0, 60)).replace(/-+$/, '');
}

// ------------------------------------------------------------------ YAML output

const RESERVED = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null', '~']);
const PLAIN = /^[\p{L}„][\p{L}\p{M}\p{N} .,'’„“()/–-]*$/u;

function scalar(s, flow) {
  if (PLAIN.test(s) && !s.endsWith(' ') && !RESERVED.has(s.toLowerCase()) && !(flow && /[,[\]{}]/.test(s))) return s;
  return JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
}
const flowList = (a) => `[${a.map((x) => scalar(x, true)).join(', ')}]`;

// ------------------------------------------------------------------ calendar

const DAY_MS = 86400000;
const FIRST = Date.UTC(2005, 0, 1) / DAY_MS;
const LAST = Date.UTC(2026, 9, 31) / DAY_MS;
const pad = (n) => (n < 10 ? '0' : '') + n;

function dayInfo(day) {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  return { day, y, m, d: dd, iso: `${y}-${pad(m)}-${pad(dd)}`, wd: d.getUTCDay() };
}

// Publication dates: more releases in later years (an archive grows), fewer on weekends.
function pickDay(rng) {
  for (;;) {
    const x = Math.sqrt(rng.r()); // density rising linearly over the span
    const day = FIRST + Math.floor(x * (LAST - FIRST + 1));
    const wd = new Date(day * DAY_MS).getUTCDay();
    if ((wd === 0 || wd === 6) && rng.chance(0.8)) continue;
    return day;
  }
}

const longDate = (lang, info) => `${info.d} ${LANGS[lang].months[info.m - 1]} ${info.y}`;

// ------------------------------------------------------------------ the world (fixed per seed)

function buildWorld(seed) {
  const rng = makeRng(seedOf(`world:${seed}`));
  const registry = partnerRegistry();
  const popular = rng.shuffle(registry); // popularity order for the skewed pick

  const people = [];
  const seen = new Set();
  const addPerson = (p) => {
    if (!seen.has(p.mk)) {
      seen.add(p.mk);
      people.push(p);
    }
  };
  const femaleSurname = (s) => (s.endsWith('ски') ? s.slice(0, -1) + 'а' : /(ов|ев)$/.test(s) ? s + 'а' : s);
  while (people.length < 160) {
    const female = rng.chance(0.45);
    const first = rng.pick(female ? MK_FEMALE : MK_MALE);
    const last = rng.pick(MK_SURNAMES);
    const mk = `${first} ${female ? femaleSurname(last) : last}`;
    addPerson({ mk, sq: mkToAlbanian(mk), en: mkToLatin(mk) });
  }
  while (people.length < 220) {
    const female = rng.chance(0.45);
    const latin = `${rng.pick(female ? SQ_FEMALE : SQ_MALE)} ${rng.pick(SQ_SURNAMES)}`;
    addPerson({ mk: sqToCyrillic(latin), sq: latin, en: latin });
  }
  const petrevski = { mk: 'Борче Петревски', sq: 'Borçe Petrevski', en: 'Borche Petrevski' };

  const isCyr = (s) => /[\u0400-\u04ff]/.test(s);
  for (const p of registry) {
    p.abbrCyr = p.abbr.filter(isCyr);
    p.abbrLat = p.abbr.filter((a) => !isCyr(a));
  }
  // word lists in a seeded order, so the skewed pick makes different words common
  const langs = {};
  for (const [k, L] of Object.entries(LANGS)) {
    langs[k] = { ...L, nouns: rng.shuffle(L.nouns), adjectives: rng.shuffle(L.adjectives), verbs: rng.shuffle(L.verbs) };
  }
  return { registry, popular, people: rng.shuffle(people), petrevski, langs };
}

function partnerAs(rng, p, lang) {
  const x = rng.r();
  if (x < 0.7) return p[lang];
  const abbr = lang === 'mk' ? p.abbrCyr : p.abbrLat;
  if (x < 0.9 && abbr.length) return rng.pick(abbr);
  return p.name;
}

// ------------------------------------------------------------------ text

const TARGET_WORD = { mk: 'соработка', sq: 'bashkëpunim', en: 'cooperation' };

// Sentences carrying the cooperation target, per language; {P} a partner, {N} a person, {X} a noun.
const TARGET_SENTENCES = TEXT.targetSentences;

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** Words without punctuation: nouns, adjectives, verbs and function words, never two function words in a row. */
function words(rng, L, n, funcShare = 0.35) {
  const out = [];
  let lastFunc = true;
  for (let i = 0; i < n; i++) {
    const x = rng.r();
    let word;
    if (x < funcShare && !lastFunc) {
      word = rng.pick(L.func);
      lastFunc = true;
    } else {
      const y = rng.r();
      word = y < 0.55 ? rng.word(L.nouns) : y < 0.8 ? rng.word(L.adjectives) : rng.word(L.verbs);
      lastFunc = false;
    }
    out.push(word);
  }
  return out;
}

function salad(rng, L, lo, hi) {
  const ws = words(rng, L, rng.range(lo, hi));
  let s = ws[0];
  for (let i = 1; i < ws.length; i++) s += (i > 2 && i < ws.length - 2 && rng.chance(0.07) ? ', ' : ' ') + ws[i];
  return s;
}

function plainSentence(rng, L) {
  return cap(salad(rng, L, 9, 22)) + '.';
}

/** A sentence naming a partner, a person, a place or a date. */
function slotSentence(rng, lang, ctx) {
  const L = ctx.L;
  const P = () => rng.pick(ctx.partnerNames);
  const N = () => rng.pick(ctx.peopleNames);
  const role = rng.pick(L.roles);
  const said = rng.pick(L.said);
  const s = () => salad(rng, L, 6, 14);
  let t = rng.int(5);
  if (t === 1) {
    if (ctx.placeUsed) t = 3;
    ctx.placeUsed = true;
  }
  if (t === 2) {
    const a = P();
    const b = ctx.partnerNames.find((x) => x !== a) ?? ctx.otherPartner;
    return lang === 'mk'
      ? `На средбата присуствуваа претставници на ${a} и ${b}.`
      : lang === 'sq'
        ? `Në takim morën pjesë përfaqësues të ${a} dhe ${b}.`
        : `Representatives of ${a} and ${b} attended the meeting.`;
  }
  if (lang === 'mk') {
    switch (t) {
      case 0:
        return `${N()}, ${role}, ${said} дека ${s()}.`;
      case 1:
        return `Настанот се одржа во ${ctx.place} на ${ctx.when}, во организација на ${P()}.`;
      case 3:
        return `Во рамките на ${s()}, ${P()} ${rng.word(L.verbs)} ${s()}.`;
      default:
        return `Според ${N()}, ${role}, ${s()}.`;
    }
  }
  if (lang === 'sq') {
    switch (t) {
      case 0:
        return `${N()}, ${role}, ${said} se ${s()}.`;
      case 1:
        return `Ngjarja u mbajt në ${ctx.place} më ${ctx.when}, në organizim të ${P()}.`;
      case 3:
        return `Në kuadër të ${s()}, ${P()} ${rng.word(L.verbs)} ${s()}.`;
      default:
        return `Sipas ${N()}, ${role}, ${s()}.`;
    }
  }
  switch (t) {
    case 0:
      return `${N()}, ${role}, ${said} that ${s()}.`;
    case 1:
      return `The event took place in ${ctx.place} on ${ctx.when}, organised by ${P()}.`;
    case 3:
      return `Within the framework of ${s()}, ${P()} ${rng.word(L.verbs)} ${s()}.`;
    default:
      return `According to ${N()}, ${role}, ${s()}.`;
  }
}

function fill(rng, tpl, L, ctx) {
  return tpl
    .replace('{P}', () => rng.pick(ctx.partnerNames))
    .replace('{N}', () => rng.pick(ctx.peopleNames))
    .replace('{X}', () => rng.word(L.nouns));
}

function makeBody(rng, lang, ctx, slug) {
  const L = ctx.L;
  const target = 2400 + rng.int(1200);
  const extra = []; // sentences that must appear (the search targets), each placed at a random point
  if (ctx.coop) {
    const k = rng.range(1, 3);
    for (let i = 0; i < k; i++) extra.push(fill(rng, rng.pick(TARGET_SENTENCES[lang]), L, ctx));
  }
  if (ctx.rare) {
    const name = ctx.rareName;
    extra.push(
      lang === 'mk'
        ? `${name}, национален координатор, ${rng.pick(L.said)} дека ${salad(rng, L, 6, 12)}.`
        : lang === 'sq'
          ? `${name}, koordinator kombëtar, ${rng.pick(L.said)} se ${salad(rng, L, 6, 12)}.`
          : `${name}, National Coordinator, ${rng.pick(L.said)} that ${salad(rng, L, 6, 12)}.`,
    );
  }

  const at = extra.map(() => rng.int(target)).sort((a, b) => a - b);
  const paras = [];
  let bytes = 0;
  const dateline = `${ctx.dateline}, ${ctx.pubDate} – `;
  const sentence = () => (rng.chance(0.3) ? slotSentence(rng, lang, ctx) : plainSentence(rng, L));
  const hasHeading = rng.chance(0.3);
  const hasList = rng.chance(0.25);
  const hasBold = rng.chance(0.2);
  const hasLink = rng.chance(0.2);
  while (bytes < target || extra.length) {
    const n = rng.range(3, 6);
    const ss = [];
    for (let i = 0; i < n; i++) ss.push(paras.length === 0 && i === 0 ? slotSentence(rng, lang, ctx) : sentence());
    while (extra.length && (bytes >= at[0] || bytes >= target)) {
      at.shift();
      ss.splice(rng.int(ss.length + 1), 0, extra.shift());
    }
    if (hasBold && paras.length === 1) ss[0] = `**${ss[0].slice(0, -1)}**.`;
    let p = ss.join(' ');
    if (paras.length === 0) p = dateline + p;
    if (hasHeading && paras.length === 2) {
      const h = `## ${cap(salad(rng, L, 3, 6))}`;
      paras.push(h);
      bytes += h.length * 2;
    }
    if (hasList && paras.length === 3) {
      const items = [];
      for (let i = rng.range(3, 5); i > 0; i--) items.push(`- ${cap(salad(rng, L, 4, 9))}`);
      const list = items.join('\n');
      paras.push(list);
      bytes += Buffer.byteLength(list);
    }
    paras.push(p);
    bytes += Buffer.byteLength(p) + 2;
  }
  if (hasLink) paras.push(`[${cap(rng.pick(L.links))}](https://example.org/releases/${slug}.html)`);
  return paras.join('\n\n') + '\n';
}

function makeTitle(rng, lang, ctx) {
  const L = ctx.L;
  const n = rng.range(6, 14);
  const parts = [];
  if (rng.chance(0.6)) parts.push(...rng.pick(L.titleHeads).split(' '));
  if (ctx.rare && ctx.rareInTitle) parts.push(...ctx.rareName.split(' '));
  const rest = Math.max(2, n - parts.length);
  parts.push(...words(rng, L, rest, 0.25));
  if (ctx.coop && ctx.coopInTitle) parts.splice(1 + rng.int(parts.length - 1), 0, TARGET_WORD[lang]);
  while (parts.length > 14) parts.splice(parts.length - 2, 1);
  return cap(parts.join(' '));
}

// ------------------------------------------------------------------ one release

const LANG_OF = (x) => (x < 0.7 ? 'mk' : x < 0.85 ? 'sq' : 'en');

/** A release's language-independent facts: date, event, partners, people, tags. */
function planFacts(rng, world) {
  const info = dayInfo(pickDay(rng));
  let event = null;
  if (rng.chance(0.6)) {
    const len = [1, 1, 1, 1, 2, 2, 2, 3, 3, 4][rng.int(10)];
    const start = info.day - rng.int(6);
    const foreign = rng.chance(0.2);
    event = {
      start: dayInfo(start),
      end: dayInfo(start + len - 1),
      omitEnd: len === 1 && rng.chance(0.5),
      place: foreign ? rng.pick(FOREIGN_CITIES) : rng.skew(TOWNS),
      foreign,
    };
  }
  const partners = new Set();
  for (let k = rng.range(1, 4); partners.size < k; ) partners.add(rng.skew(world.popular));
  const people = new Set();
  for (let k = [0, 1, 1, 1, 2, 2, 3][rng.int(7)]; people.size < k; ) people.add(rng.skew(world.people));
  const tags = new Set();
  for (let k = rng.range(1, 4); tags.size < k; ) tags.add(rng.skew(TAGS));
  return { info, event, partners: [...partners], people: [...people], tags: [...tags] };
}

const placeName = (place, foreign, lang) => {
  const idx = { mk: 0, sq: 1, en: foreign ? 2 : 3 }[lang];
  return place[idx];
};

function renderRelease(rng, world, lang, facts, extra, names) {
  const { info, event } = facts;
  const coop = rng.chance(0.05);
  const ctx = {
    coop,
    coopInTitle: rng.chance(0.3),
    rare: extra.rare,
    rareInTitle: rng.chance(0.3),
    rareName: world.petrevski[lang],
    partnerNames: facts.partners.map((p) => partnerAs(rng, p, lang)),
    people: facts.people.map((p) => p[lang]),
  };
  if (extra.rare) ctx.people = [world.petrevski[lang], ...ctx.people.slice(0, 2)];
  ctx.peopleNames = ctx.people.length ? ctx.people : [rng.skew(world.people)[lang]];
  ctx.L = world.langs[lang];
  ctx.otherPartner = partnerAs(rng, rng.skew(world.popular), lang);
  const town = rng.skew(TOWNS);
  ctx.dateline = lang === 'mk' ? town[0] : lang === 'sq' ? town[1] : town[3];
  ctx.pubDate = rng.chance(0.25) && lang !== 'en' ? `${info.d}.${info.m}.${info.y}` : longDate(lang, info);
  ctx.place = event ? placeName(event.place, event.foreign, lang) : ctx.dateline;
  ctx.when = longDate(lang, event ? event.start : info);

  const title = makeTitle(rng, lang, ctx);
  let slug = slugify(title);
  let name = `${info.iso}-${slug}`;
  if (names.has(name)) {
    let k = 2;
    while (names.has(`${name}-${k}`)) k++;
    name = `${name}-${k}`;
    slug = name.slice(11);
  }
  names.add(name);

  const L = ctx.L;
  const tagIdx = { mk: 0, sq: 1, en: 2 }[lang];
  let fm = `---\ntitle: ${scalar(title)}\ndate: ${info.iso}\n`;
  if (event) {
    fm += `event:\n  start: ${event.start.iso}\n`;
    if (!event.omitEnd) fm += `  end: ${event.end.iso}\n`;
    fm += `  location: ${scalar(placeName(event.place, event.foreign, lang))}\n`;
  }
  fm += 'partners:\n';
  for (const p of ctx.partnerNames) fm += `  - ${scalar(p)}\n`;
  if (ctx.people.length) fm += `people: ${flowList(ctx.people)}\n`;
  fm += `tags: ${flowList(facts.tags.map((t) => t[tagIdx]))}\n`;
  if (lang !== 'mk' || rng.chance(0.85)) fm += `lang: ${lang}\n`;
  if (rng.chance(0.8)) {
    let summary = plainSentence(rng, L);
    if (coop && rng.chance(0.3)) summary = summary.slice(0, -1) + ` ${TARGET_WORD[lang]}.`;
    fm += `summary: ${scalar(summary)}\n`;
  }
  if (extra.key) fm += `translation_key: ${extra.key}\n`;
  fm += '---\n\n';
  const text = fm + makeBody(rng, lang, ctx, slug);
  return { dir: String(info.y), name, text, lang };
}

// ------------------------------------------------------------------ archive files

function registryYaml(registry) {
  let out = '# Partner registry of the synthetic benchmark archive (bench/generate.js).\n';
  for (const p of registry) {
    out += `\n${p.id}:\n  name: ${scalar(p.name)}\n  aliases:\n`;
    const aliases = [];
    for (const a of [p.mk, p.sq, p.en, ...p.abbr]) if (a !== p.name && !aliases.includes(a)) aliases.push(a);
    for (const a of aliases) out += `    - ${scalar(a)}\n`;
  }
  return out;
}

function prepareOut(out) {
  let entries;
  try {
    entries = fs.readdirSync(out);
  } catch (e) {
    if (e.code === 'ENOENT') {
      fs.mkdirSync(out, { recursive: true });
      return;
    }
    throw e;
  }
  if (entries.length === 0) return;
  if (!entries.includes(STAMP)) {
    throw new Error(`${out} is not empty and was not made by bench/generate.js (no ${STAMP}); refusing to touch it`);
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
}

// Release files are written in batches of 250, each year folder created once. A worker
// thread that wrote them while generation went on gained nothing beyond the noise (100k
// files: 40 s wall-clock on a loaded 2-core machine, 24 s of CPU), so there is none.
function fileWriter(out) {
  const dirs = new Set();
  let bytes = 0;
  return {
    async send(batch) {
      for (let i = 0; i < batch.length; i += 3) {
        const full = path.join(out, batch[i]);
        if (!dirs.has(batch[i])) {
          fs.mkdirSync(full, { recursive: true });
          dirs.add(batch[i]);
        }
        const buf = Buffer.from(batch[i + 2]);
        fs.writeFileSync(path.join(full, batch[i + 1] + '.md'), buf);
        bytes += buf.length;
      }
    },
    async close() {
      return bytes;
    },
    async abort() {},
  };
}

/**
 * Generates an archive. Resolves to what it
 * wrote: { generator, count, seed, out, files, bytes, seconds, partners, langs, withEvent,
 * translationKeys, targets, samples }. `targets.<name>.files` is the exact number of
 * release files containing that target; `samples` names a few of them (file names, which
 * are also the release ids).
 */
export async function generate({ count, out, seed = 1 }) {
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a whole number ≥ 0, got ${count}`);
  if (!out) throw new Error('out (the archive folder) is required');
  assertNoTargets();
  const t0 = process.hrtime.bigint();
  prepareOut(out);
  const stampHead = { generator: GENERATOR_VERSION, count, seed };
  // a provisional stamp first: an interrupted run leaves a folder the next run may replace
  fs.writeFileSync(path.join(out, STAMP), JSON.stringify({ ...stampHead, complete: false }) + '\n');
  const world = buildWorld(seed);
  const rng = makeRng(seedOf(`files:${seed}`));
  const names = new Set();

  let bytes = 0;
  const write = (rel, text) => {
    const buf = Buffer.from(text);
    fs.writeFileSync(path.join(out, rel), buf);
    bytes += buf.length;
  };
  write('archive.yml', 'name: Bench archive\nlang: mk\n');
  write('partners.yml', registryYaml(world.registry));

  const stats = {
    langs: { mk: 0, sq: 0, en: 0 },
    withEvent: 0,
    translationKeys: 0,
    targets: {
      cooperation: { files: 0, mk: 0, sq: 0, en: 0, pattern: String(TARGET_PATTERNS.cooperation) },
      petrevski: { files: 0, mk: 0, sq: 0, en: 0, pattern: String(TARGET_PATTERNS.petrevski) },
    },
    samples: { first: null, petrevski: [], cooperation: [], translationKey: null },
  };

  const writer = fileWriter(out);
  let batch = [];
  const emit = async (rel) => {
    const { dir, name, text, lang } = rel;
    batch.push(dir, name, text);
    if (batch.length >= 3 * 250) {
      const b = batch;
      batch = [];
      await writer.send(b);
    }
    stats.langs[lang]++;
    if (text.includes('\nevent:\n')) stats.withEvent++;
    if (text.includes('\ntranslation_key: ')) stats.translationKeys++;
    const lower = text.toLowerCase();
    for (const [k, re] of Object.entries(TARGET_PATTERNS)) {
      if (re.test(lower)) {
        stats.targets[k].files++;
        stats.targets[k][lang]++;
        if (stats.samples[k].length < 3) stats.samples[k].push(name);
      }
    }
    if (!stats.samples.first) stats.samples.first = name;
  };

  try {
    let i = 0;
    let groups = 0;
    while (i < count) {
      if (rng.chance(0.043)) {
        // a translation group: 2–3 languages, one set of facts
        const size = rng.chance(0.4) ? 3 : 2;
        const first = LANG_OF(rng.r());
        const langs = [first, ...rng.shuffle(['mk', 'sq', 'en'].filter((l) => l !== first))].slice(0, size);
        const facts = planFacts(rng, world);
        groups++;
        const key = `${slugify(facts.tags[0][2])}-${facts.info.y}-${groups}`;
        if (!stats.samples.translationKey) stats.samples.translationKey = key;
        for (const lang of langs) {
          if (i >= count) break;
          await emit(renderRelease(rng, world, lang, facts, { key, rare: i % 1000 === 7 }, names));
          i++;
        }
      } else {
        const lang = LANG_OF(rng.r());
        const facts = planFacts(rng, world);
        await emit(renderRelease(rng, world, lang, facts, { rare: i % 1000 === 7 }, names));
        i++;
      }
    }
    if (batch.length) await writer.send(batch);
    bytes += await writer.close();
  } catch (e) {
    await writer.abort();
    throw e;
  }

  const result = {
    ...stampHead,
    files: count,
    bytes,
    partners: world.registry.length,
    ...stats,
    complete: true,
  };
  // the stamp is deterministic too (no timings, no absolute paths)
  fs.writeFileSync(path.join(out, STAMP), JSON.stringify(result, null, 2) + '\n');
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { ...result, out: path.resolve(out), seconds: Math.round(seconds * 1000) / 1000 };
}

/**
 * Resolves to the archive in `out`, generating it unless `out` already holds a complete
 * archive generated with the same count, seed and generator version (then `reused: true`).
 */
export async function ensureArchive({ count, out, seed = 1 }) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(out, STAMP), 'utf8'));
    if (stamp.complete && stamp.generator === GENERATOR_VERSION && stamp.count === count && String(stamp.seed) === String(seed)) {
      return { ...stamp, out: path.resolve(out), seconds: 0, reused: true };
    }
  } catch {
    /* generate it */
  }
  return generate({ count, out, seed });
}

// ------------------------------------------------------------------ command line

const USAGE = `usage: node bench/generate.js --count N --out DIR [--seed S] [--json]

Writes a synthetic release archive of N files into DIR (which must be missing, empty, or an
archive generated earlier by this script). --json prints what was generated on stdout.`;

async function main(argv) {
  const opts = { seed: '1', json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--count' || a === '-n') opts.count = val();
    else if (a.startsWith('--count=')) opts.count = a.slice(8);
    else if (a === '--out' || a === '-o') opts.out = val();
    else if (a.startsWith('--out=')) opts.out = a.slice(6);
    else if (a === '--seed') opts.seed = val();
    else if (a.startsWith('--seed=')) opts.seed = a.slice(7);
    else if (a === '--json') opts.json = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else usage(`unknown argument: ${a}`);
  }
  const count = Number(
    String(opts.count ?? '')
      .replace(/[_,]/g, '')
      .replace(/k$/i, '000'),
  );
  if (opts.count === undefined || !Number.isInteger(count) || count < 0) usage('--count needs a whole number ≥ 0');
  if (!opts.out) usage('--out DIR is required');
  const seed = /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed;
  let r;
  try {
    r = await generate({ count, out: opts.out, seed });
  } catch (e) {
    process.stderr.write(`generate: ${e.message}\n`);
    return 1;
  }
  const mb = (r.bytes / 1048576).toFixed(1);
  process.stderr.write(`generated ${r.files} files, ${mb} MiB (${r.bytes} bytes) in ${r.seconds.toFixed(2)} s into ${r.out}\n`);
  if (opts.json) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
  return 0;
}

function usage(msg) {
  process.stderr.write(`generate: ${msg}\n${USAGE}\n`);
  process.exit(2);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
