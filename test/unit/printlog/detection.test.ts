import { describe, expect, it } from 'vitest';
import { cups } from '../../../shared/domain/printlog/formats/cups.js';
import { papercutLogger } from '../../../shared/domain/printlog/formats/papercut-logger.js';
import { papercutNg } from '../../../shared/domain/printlog/formats/papercut-ng.js';
import { fixtureHead, loadExpected } from '../../helpers/printlog-fixtures.js';

const modules = [papercutLogger, papercutNg, cups];
const fixtures = Object.entries(loadExpected()).map(([file, e]) => ({ file, format: e.format }));

describe('detection over every fixture', () => {
  it('sees fixtures of other formats too', () => {
    const formats = new Set(fixtures.map((f) => f.format));
    for (const m of modules) expect(formats).toContain(m.name);
    expect(formats.size).toBeGreaterThan(modules.length);
  });

  describe.each(modules)('$name', (format) => {
    it.each(fixtures)('$file', ({ file, format: expectedFormat }) => {
      const detection = format.detect(fixtureHead(file));
      if (expectedFormat === format.name) {
        expect(detection).not.toBeNull();
        expect(detection?.confidence).toBeGreaterThanOrEqual(80);
        expect(detection?.reason).not.toBe('');
      } else {
        expect(detection).toBeNull();
      }
    });
  });
});

describe('detection details', () => {
  it("papercut-logger: line 1 starting with 'PaperCut Print Logger' gives 95, a BOM does not hide it", () => {
    expect(papercutLogger.detect(['\ufeffPaperCut Print Logger - http://www.papercut.com/'])).toEqual({
      confidence: 95, reason: "line 1 starts with 'PaperCut Print Logger'",
    });
    expect(papercutLogger.detect([])).toBeNull();
  });

  it('cups: not an access_log or error_log, which also hold bracketed dates', () => {
    expect(cups.detect(['localhost - - [01/Jul/2024:11:18:18 +0900] "POST / HTTP/1.1" 200 182 Get-Jobs successful-ok'])).toBeNull();
    expect(cups.detect(['E [01/Jul/2024:11:18:18 +0900] [Job 12] Stopping job because the scheduler could not execute the filter.'])).toBeNull();
    expect(cups.detect(['', 'P1 u 1 [01/Jul/2024:11:18:18 +0900] 1 1 - h doc.pdf iso_a4_210x297mm one-sided'])?.reason).toMatch(/^line 2 /);
  });

  it('papercut-ng: a comma-separated file with the same columns is not taken', () => {
    expect(papercutNg.detect(['2024-09-02,12:23:48 AM,S,P,u,a,c,d,1,0'])).toBeNull();
  });
});
