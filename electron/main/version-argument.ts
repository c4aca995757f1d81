export const VERSION_ARGUMENT = '--kamiless-version=';

/**
 * The app version main passes as `--kamiless-version=x.y.z` (a sandboxed
 * preload cannot read package.json); anything odd becomes "0.0.0" rather
 * than text the page might display.
 */
export function versionFromArguments(argv: readonly string[]): string {
  const value = argv.find((argument) => argument.startsWith(VERSION_ARGUMENT))?.slice(VERSION_ARGUMENT.length) ?? '';
  return /^[0-9A-Za-z.+-]{1,40}$/.test(value) ? value : '0.0.0';
}
