/** Characters no file system takes in a name. */
const UNSAFE = new Set([...'\\/:*?"<>|']);

const unsafe = (ch: string): boolean => {
  const cp = ch.codePointAt(0) ?? 0;
  return UNSAFE.has(ch) || cp < 0x20 || cp === 0x7f;
};

/** A name safe to save as a file (and to put in a ZIP), never empty. */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = [...name].map((ch) => (unsafe(ch) ? '_' : ch)).join('').trim().replace(/^\.+/, '');
  return cleaned === '' ? fallback : cleaned;
}

/**
 * A download of a case, named by its document number (総務課第12号.pdf), with
 * an ASCII name beside it for clients that do not read RFC 5987's filename*.
 */
export function caseDownloadNames(caseId: number, number: string | null, ext: 'pdf' | 'zip'): { ascii: string; japanese: string } {
  const ascii = `case-${caseId}.${ext}`;
  return { ascii, japanese: number === null ? ascii : `${safeFileName(number, `case-${caseId}`)}.${ext}` };
}
