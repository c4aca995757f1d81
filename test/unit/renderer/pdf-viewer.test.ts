import { describe, expect, it } from 'vitest';
import {
  accumulatePinch,
  clampPage,
  classifyPdfError,
  isTypingTarget,
  keyAction,
  MAX_SCALE,
  MIN_SCALE,
  parsePageInput,
  percent,
  rotate,
  supportsModernPdfjs,
  zoomIn,
  zoomMenuValue,
  zoomOut,
} from '../../../renderer/components/pdf/viewerMath.js';

describe('PDF viewer zoom steps', () => {
  it('steps through the menu levels, from between two levels to the next one', () => {
    expect(zoomIn(1)).toBe(1.25);
    expect(zoomIn(1.1)).toBe(1.25);
    expect(zoomIn(0.9999)).toBe(1.25);
    expect(zoomOut(1)).toBe(0.75);
    expect(zoomOut(1.1)).toBe(1);
    expect(zoomOut(1.0004)).toBe(0.75);
  });

  it('stops at the ends', () => {
    expect(zoomIn(MAX_SCALE)).toBe(MAX_SCALE);
    expect(zoomIn(9)).toBe(MAX_SCALE);
    expect(zoomOut(MIN_SCALE)).toBe(MIN_SCALE);
    expect(zoomOut(0.1)).toBe(MIN_SCALE);
  });

  it('shows a fit mode while one is in force, else the matching level, else custom', () => {
    expect(zoomMenuValue('page-width', 1.37)).toBe('page-width');
    expect(zoomMenuValue('page-fit', 0.5)).toBe('page-fit');
    expect(zoomMenuValue(undefined, 1.5)).toBe('1.5');
    expect(zoomMenuValue('1.25', 1.25)).toBe('1.25');
    expect(zoomMenuValue(undefined, 1.37)).toBe('custom');
    expect(percent(1.37)).toBe('137%');
    expect(percent(0.5)).toBe('50%');
  });
});

describe('PDF viewer page numbers', () => {
  it('clamps into the document', () => {
    expect(clampPage(0, 300)).toBe(1);
    expect(clampPage(301, 300)).toBe(300);
    expect(clampPage(12.7, 300)).toBe(12);
    expect(clampPage(Number.NaN, 300)).toBe(1);
    expect(clampPage(5, 0)).toBe(1);
  });

  it('reads typed numbers, full-width digits too, and refuses the rest', () => {
    expect(parsePageInput(' 42 ', 300)).toBe(42);
    expect(parsePageInput('２００', 300)).toBe(200);
    expect(parsePageInput('9999', 300)).toBe(300);
    expect(parsePageInput('0', 300)).toBe(1);
    expect(parsePageInput('', 300)).toBeNull();
    expect(parsePageInput('12a', 300)).toBeNull();
    expect(parsePageInput('-3', 300)).toBeNull();
    expect(parsePageInput('1.5', 300)).toBeNull();
  });
});

describe('PDF viewer rotation', () => {
  it('turns in quarter turns and wraps', () => {
    expect(rotate(0, 90)).toBe(90);
    expect(rotate(270, 90)).toBe(0);
    expect(rotate(0, -90)).toBe(270);
    expect(rotate(90, -90)).toBe(0);
  });
});

describe('pinch accumulation', () => {
  it('lands on whole percents and carries what rounding left over', () => {
    const state = { unused: 1 };
    // 1.000 × 1.004 → 100.4 % rounds down to 100 %: no change yet, the rest is carried.
    expect(accumulatePinch(state, 1, 1.004)).toBe(1);
    expect(state.unused).toBeCloseTo(1.004);
    // The next small step adds up to 100.8 %… still under 101 %; a third passes it.
    expect(accumulatePinch(state, 1, 1.004)).toBe(1);
    const f = accumulatePinch(state, 1, 1.004);
    expect(f).toBeCloseTo(1.01);
  });

  it('forgets the carry when the fingers change direction', () => {
    const state = { unused: 1.3 };
    const f = accumulatePinch(state, 2, 0.9);
    expect(f).toBeCloseTo(1.8 / 2);
  });

  it('never leaves the zoom range', () => {
    const state = { unused: 1 };
    expect(2 * accumulatePinch(state, 2, 10)).toBeCloseTo(MAX_SCALE);
    expect(accumulatePinch({ unused: 1 }, 1, 1)).toBe(1);
  });
});

describe('PDF loading errors', () => {
  it('sorts pdf.js errors by name, code and status', () => {
    expect(classifyPdfError({ name: 'PasswordException', code: 1 })).toBe('password');
    expect(classifyPdfError({ name: 'PasswordException', code: 2 })).toBe('wrongPassword');
    expect(classifyPdfError({ name: 'InvalidPDFException', message: 'Invalid PDF structure.' })).toBe('broken');
    expect(classifyPdfError({ name: 'ResponseException', status: 404 })).toBe('notFound');
    expect(classifyPdfError({ name: 'ResponseException', status: 403 })).toBe('forbidden');
    expect(classifyPdfError({ name: 'ResponseException', status: 410 })).toBe('disposed');
    expect(classifyPdfError({ name: 'ResponseException', status: 500 })).toBe('network');
    expect(classifyPdfError(new TypeError('Failed to fetch'))).toBe('network');
    expect(classifyPdfError('weird')).toBe('network');
  });
});

describe('which pdf.js build', () => {
  const fn = () => undefined;
  const modern = { Map: Object.assign(fn, { prototype: { getOrInsertComputed: fn } }), Math: { sumPrecise: fn }, Uint8Array: Object.assign(() => undefined, { prototype: { toHex: fn } }), RegExp: { escape: fn }, Promise: { try: fn } };

  it('uses the modern build only where every newest built-in it calls exists', () => {
    expect(supportsModernPdfjs(modern)).toBe(true);
    expect(supportsModernPdfjs({ ...modern, Math: {} })).toBe(false);
    expect(supportsModernPdfjs({ ...modern, Map: Object.assign(() => undefined, { prototype: {} }) })).toBe(false);
    expect(supportsModernPdfjs({ ...modern, Promise: null })).toBe(false);
  });
});

describe('PDF viewer keys', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it('zooms with + and -, turns pages with PageUp/PageDown only when a whole page fits', () => {
    expect(keyAction(key('+'), false)).toBe('zoomIn');
    expect(keyAction(key('='), false)).toBe('zoomIn');
    expect(keyAction(key('-'), false)).toBe('zoomOut');
    expect(keyAction(key('0', { ctrlKey: true }), false)).toBe('zoomReset');
    expect(keyAction(key('0'), false)).toBeNull();
    expect(keyAction(key('PageDown'), true)).toBe('nextPage');
    expect(keyAction(key('PageUp'), true)).toBe('previousPage');
    // Outside page-fit the container scrolls by a screen, as browsers do.
    expect(keyAction(key('PageDown'), false)).toBeNull();
    expect(keyAction(key('Home', { ctrlKey: true }), false)).toBe('firstPage');
    expect(keyAction(key('End', { metaKey: true }), false)).toBe('lastPage');
    expect(keyAction(key('f', { ctrlKey: true }), false)).toBe('find');
    expect(keyAction(key('f'), false)).toBeNull();
    expect(keyAction(key('+', { altKey: true }), false)).toBeNull();
  });

  it('leaves keys typed into fields alone', () => {
    expect(isTypingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
