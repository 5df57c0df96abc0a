import { Recent } from '../recent.js';

/**
 * The words of a text as the term table reads them: maximal runs of letters, digits and
 * marks (`/[\p{L}\p{N}\p{M}]+/u`, as splitting on `/[^\p{L}\p{N}\p{M}]+/u` gives them), each
 * looked up in a table of the words seen so far without making a string for it: the text
 * is read once, character by character, hashing as it goes. A regular-expression split and
 * a Map lookup per word took most of the time of a fresh site's term table.
 */

/** Class of a UTF-16 code unit: 0 not known yet, 1 word, 2 not a word, 3 surrogate. */
const classes = new Uint8Array(65536);
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const astral = new Map<number, boolean>();

function classify(c: number): number {
  const k = c >= 0xd800 && c <= 0xdfff ? 3 : WORD.test(String.fromCharCode(c)) ? 1 : 2;
  classes[c] = k;
  return k;
}

/** True when text[i] is the high half of a pair whose character is a word character. */
function astralWord(text: string, i: number): boolean {
  const hi = text.charCodeAt(i);
  const lo = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  if (hi > 0xdbff || lo < 0xdc00 || lo > 0xdfff) return false;
  const cp = (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  let word = astral.get(cp);
  if (word === undefined) astral.set(cp, (word = WORD.test(String.fromCodePoint(cp))));
  return word;
}

const SEED = 0x811c9dc5 | 0;
const PRIME = 0x01000193;

/** Words to numbers: each new word is given its number once by `learn`; `scan` gives the numbers of a text's words. */
export class WordTable {
  private keys: string[] = [];
  private hashes = new Int32Array(0);
  private values = new Int32Array(0);
  private mask = 0;
  private size = 0;
  /** The numbers of the words `scan` read last (`count` of them). */
  numbers = new Int32Array(256);
  count = 0;

  /** @param limit words kept at most: past it the table starts over (a pathological vocabulary does not grow without end). */
  constructor(
    private readonly learn: (word: string) => number,
    private readonly limit = 500_000,
  ) {
    this.reset();
  }

  private reset(): void {
    this.keys = new Array<string>(1024);
    this.hashes = new Int32Array(1024);
    this.values = new Int32Array(1024);
    this.mask = 1023;
    this.size = 0;
  }

  /** Reads the words of `text` into `numbers[0, count)`, in order, repeats kept. */
  scan(text: string): void {
    const n = text.length;
    this.count = 0;
    let i = 0;
    while (i < n) {
      const start = i;
      let h = SEED;
      while (i < n) {
        const c = text.charCodeAt(i);
        let k = classes[c];
        if (k === 0) k = classify(c);
        if (k === 1) {
          h = Math.imul(h ^ c, PRIME);
          i++;
        } else if (k === 3 && astralWord(text, i)) {
          h = Math.imul(Math.imul(h ^ c, PRIME) ^ text.charCodeAt(i + 1), PRIME);
          i += 2;
        } else break;
      }
      if (i === start) {
        i++;
        continue;
      }
      if (this.count === this.numbers.length) {
        const grown = new Int32Array(this.count * 2);
        grown.set(this.numbers);
        this.numbers = grown;
      }
      this.numbers[this.count++] = this.find(text, start, i, h);
    }
  }

  /** The number of the word text[start, end) with hash h. */
  private find(text: string, start: number, end: number, h: number): number {
    const len = end - start;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] !== h || key.length !== len) continue;
      let k = 0;
      while (k < len && key.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) return this.values[slot];
    }
    // A copy, not a slice: a slice would keep the whole text it came from alive with the table.
    const word = end - start < 13 ? text.slice(start, end) : (JSON.parse(JSON.stringify(text.slice(start, end))) as string);
    const value = this.learn(word);
    if (this.size >= this.limit) this.reset();
    if ((this.size + 1) * 2 > this.mask) this.grow();
    let slot = h & this.mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.keys[slot] = word;
    this.hashes[slot] = h;
    this.values[slot] = value;
    this.size++;
    return value;
  }

  private grow(): void {
    const { keys, hashes, values } = this;
    const size = (this.mask + 1) * 2;
    this.keys = new Array<string>(size);
    this.hashes = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    for (let s = 0; s < keys.length; s++) {
      if (keys[s] === undefined) continue;
      let slot = hashes[s] & this.mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.keys[slot] = keys[s];
      this.hashes[slot] = hashes[s];
      this.values[slot] = values[s];
    }
  }
}

/**
 * A body's words as the Markdown thread read them (markdown-worker.ts): that thread's own word
 * numbers (`ids`), and its words by number (`words`, grown as its batches come). The term table
 * then folds each distinct word once, as it does the words it reads itself. With the body's
 * `excerpt` (search-fragment.ts excerptOf) when that thread made it too.
 */
export interface ScannedWords {
  ids: Int32Array;
  words: readonly string[];
  excerpt?: string;
}

/** Bodies scanned elsewhere: a body's words are asked for right after its page is made. */
const scanned = new Recent<ScannedWords>(8);

/** Gives the words of `body` read elsewhere, for `scannedWordsOf` to return instead of reading it again. */
export function offerWords(body: string, words: ScannedWords): void {
  scanned.offer(body, words);
}

/** The words of `body` given by `offerWords`, or undefined when none were offered (lately). */
export function scannedWordsOf(body: string): ScannedWords | undefined {
  return scanned.of(body);
}
