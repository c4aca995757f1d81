/**
 * The PDF viewer's pure decisions (zoom steps, page numbers, rotation, pinch
 * accumulation, what went wrong while loading), kept apart from React and
 * pdf.js so unit tests can pin them down.
 */

/** pdf.js's named zoom modes, which follow the container's size. */
export const FIT_MODES = ['page-width', 'page-fit', 'auto'] as const;
export type FitMode = (typeof FIT_MODES)[number];

/** The zoom levels of the zoom menu and of the −/+ buttons (1 = 100 %). */
export const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;
export const MIN_SCALE = 0.25;
export const MAX_SCALE = 4;

const EPSILON = 1e-3;

export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The next zoom step above the current scale (a scale between steps goes to the step above it). */
export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((s) => s > scale + EPSILON) ?? MAX_SCALE;
}

/** The next zoom step below the current scale. */
export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - EPSILON) ?? MIN_SCALE;
}

export function isFitMode(value: string): value is FitMode {
  return (FIT_MODES as readonly string[]).includes(value);
}

/**
 * What the zoom menu shows: a fit mode while one is in force, else the step
 * equal to the scale, else 'custom' (after a pinch or ctrl+wheel: the menu then
 * shows the percentage as an extra entry).
 */
export function zoomMenuValue(presetValue: string | undefined, scale: number): string {
  if (presetValue !== undefined && isFitMode(presetValue)) return presetValue;
  const step = ZOOM_STEPS.find((s) => Math.abs(s - scale) < EPSILON);
  return step === undefined ? 'custom' : String(step);
}

/** 1.25 → "125%". */
export function percent(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}

export function clampPage(page: number, pageCount: number): number {
  if (pageCount < 1) return 1;
  if (!Number.isFinite(page)) return 1;
  return Math.min(pageCount, Math.max(1, Math.trunc(page)));
}

/**
 * A typed page number, full-width digits included (an IME left on in Japanese
 * types "１２"); null when it is no number, clamped into the document otherwise.
 */
export function parsePageInput(text: string, pageCount: number): number | null {
  const ascii = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{1,6}$/.test(ascii)) return null;
  return clampPage(Number(ascii), pageCount);
}

/** Rotation in pdf.js's terms: 0, 90, 180 or 270 degrees clockwise. */
export function rotate(rotation: number, delta: 90 | -90): number {
  return (((rotation + delta) % 360) + 360) % 360;
}

/**
 * Pinch zoom as pdf.js's own viewer accumulates it: each step's factor is
 * rounded so the scale lands on whole percents, and what the rounding left
 * over is carried into the next step, so a slow pinch still zooms.
 */
export interface PinchState {
  unused: number;
}

export function accumulatePinch(state: PinchState, previousScale: number, factor: number): number {
  if (factor === 1 || previousScale <= 0) return 1;
  // A change of direction forgets what was carried.
  if ((state.unused > 1 && factor < 1) || (state.unused < 1 && factor > 1)) state.unused = 1;
  const target = clampScale(previousScale * factor * state.unused);
  const newFactor = Math.floor(target * 100) / (100 * previousScale);
  state.unused = newFactor === 0 ? 1 : (factor * state.unused) / newFactor;
  return newFactor;
}

/** Why a PDF could not be shown, in the words the viewer uses. */
export type PdfProblem = 'password' | 'wrongPassword' | 'broken' | 'notFound' | 'forbidden' | 'disposed' | 'network';

/**
 * Sorts a pdf.js loading error. pdf.js's errors carry their class in `name`
 * (PasswordException with code 1 = password needed, 2 = wrong password;
 * InvalidPDFException; ResponseException with the HTTP status).
 */
export function classifyPdfError(error: unknown): PdfProblem {
  if (typeof error !== 'object' || error === null) return 'network';
  const { name, code, status } = error as { name?: unknown; code?: unknown; status?: unknown };
  if (name === 'PasswordException') return code === 2 ? 'wrongPassword' : 'password';
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') return 'broken';
  if (name === 'ResponseException') {
    if (status === 404) return 'notFound';
    if (status === 401 || status === 403) return 'forbidden';
    if (status === 410) return 'disposed';
  }
  return 'network';
}

/**
 * Whether this browser runs pdf.js's modern build: it calls these newest
 * built-ins without polyfills (the desktop app's Chromium may predate some),
 * else the legacy build, the same version with polyfills, is loaded instead.
 */
export function supportsModernPdfjs(g: { Map: unknown; Math: unknown; Uint8Array: unknown; RegExp: unknown; Promise: unknown } = globalThis): boolean {
  const has = (owner: unknown, key: string) => typeof owner === 'object' || typeof owner === 'function' ? owner !== null && typeof (owner as Record<string, unknown>)[key] === 'function' : false;
  const proto = (ctor: unknown) => (typeof ctor === 'function' ? (ctor as { prototype: unknown }).prototype : undefined);
  return (
    has(proto(g.Map), 'getOrInsertComputed') &&
    has(g.Math, 'sumPrecise') &&
    has(proto(g.Uint8Array), 'toHex') &&
    has(g.RegExp, 'escape') &&
    has(g.Promise, 'try')
  );
}

/** Keys typed into a field (page number, find, password) are the field's, not the viewer's shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const el = target as { tagName?: unknown; isContentEditable?: unknown };
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable === true;
}

/** The viewer's keyboard shortcuts (the container itself scrolls with arrows and, outside page-fit, PageUp/PageDown). */
export type ViewerKeyAction = 'zoomIn' | 'zoomOut' | 'zoomReset' | 'nextPage' | 'previousPage' | 'firstPage' | 'lastPage' | 'find';

export function keyAction(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }, fitPage: boolean): ViewerKeyAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  switch (e.key) {
    case '+':
    case '=':
    case ';':
      return 'zoomIn';
    case '-':
    case '_':
      return 'zoomOut';
    case '0':
      return mod ? 'zoomReset' : null;
    case 'f':
    case 'F':
      return mod ? 'find' : null;
    case 'PageDown':
      return fitPage ? 'nextPage' : null;
    case 'PageUp':
      return fitPage ? 'previousPage' : null;
    case 'Home':
      return mod ? 'firstPage' : null;
    case 'End':
      return mod ? 'lastPage' : null;
    default:
      return null;
  }
}
