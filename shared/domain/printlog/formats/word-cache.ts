/**
 * The words of a log that repeat from line to line (users, printers,
 * clients, paper sizes), read out of a line without cutting a new string
 * each time: a word already met is found by a hash of its characters where
 * they stand, and the string kept for it is returned. A parser that reads
 * every line of a million-line log makes far less garbage that way, and the
 * import's maps of words find a string they have hashed before.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Whether `trim()` would remove the character (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A string of its own with the text of `s`: a substring may refer to the
 * whole text it was cut from (V8's sliced strings), which a word kept for the
 * rest of the import must not hold on to.
 */
function ownCopy(s: string): string {
  // Joining makes a new string of the characters; this runs once per new word.
  return s.split('').join('');
}

/** Places in the table of words (a power of two), and how many a log may fill before it starts afresh. */
const TABLE_SIZE = 16_384;
const MAX_WORDS = TABLE_SIZE / 2;
/** Places looked at from a word's own before it is given up on (kept out of the table, made anew each time). */
const PROBES = 4;

export class WordCache {
  /** Open addressing by the hash of a word's characters; '' is a free place. An array, faster than a Map for every word of every row. */
  private table: string[] = new Array<string>(TABLE_SIZE).fill('');
  private words = 0;
  /** The last word read for each column: the next row often has the same (a paper size, a printer). */
  private readonly lastOf: string[] = [];

  /** `text.slice(from, to).trim()`; `column` numbers the field, so that the word read there last is tried first. */
  trimmed(text: string, from: number, to: number, column: number): string {
    const last = this.lastOf[column];
    // A word read before is trimmed already: text equal to it needs no trimming.
    if (last !== undefined && last.length === to - from && text.startsWith(last, from)) return last;
    const word = this.lookUp(text, from, to);
    this.lastOf[column] = word;
    return word;
  }

  private lookUp(text: string, from: number, to: number): string {
    if (to === from) return '';
    if (isTrimmed(text.charCodeAt(from)) || isTrimmed(text.charCodeAt(to - 1))) return text.slice(from, to).trim();
    let h = FNV_OFFSET;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    for (let p = 0; p < PROBES; p++) {
      const place = (h + p) & (TABLE_SIZE - 1);
      const known = this.table[place] ?? '';
      if (known === '') return this.keep(place, ownCopy(text.slice(from, to)));
      if (known.length === to - from && text.startsWith(known, from)) return known;
    }
    return ownCopy(text.slice(from, to));
  }

  private keep(place: number, word: string): string {
    if (this.words >= MAX_WORDS) {
      // A log whose words never repeat: start afresh rather than fill the table.
      this.table = new Array<string>(TABLE_SIZE).fill('');
      this.words = 0;
    }
    this.table[place] = word;
    this.words += 1;
    return word;
  }
}
