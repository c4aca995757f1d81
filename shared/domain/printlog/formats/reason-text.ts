/**
 * How a reject reason quotes a value from the log. Reasons are shown to the
 * user next to file:line, so a value must stay readable: long document names
 * are cut, and control bytes from a binary line are escaped rather than sent to
 * the terminal or the UI as they are.
 */
const MAX_SHOWN = 60;

function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

export function shown(value: string): string {
  let escaped = '';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    escaped += isControl(code) ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
  }
  const cut = escaped.length > MAX_SHOWN ? `${escaped.slice(0, MAX_SHOWN)}…` : escaped;
  return `'${cut}'`;
}

/** Control characters other than tab: a decoded text line never holds them, a binary one does. */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

export function hasControlCharacters(line: string): boolean {
  // A regular expression, not a loop over the characters (twice as slow): every line of a log is checked.
  return CONTROL.test(line);
}
