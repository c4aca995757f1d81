import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  DEMO_BASELINE_SHEETS, dayFromIso, demoDocumentTemplates, demoPrinterUsers, fiscalYearBudget, fiscalYearOfDay, isoDay, isWorkingDay,
  japaneseHolidays, planDemoLogs, sheetsAsImported, splitExactly, weekdayOf, WORK_END_SECOND, WORK_START_SECOND, ymdOf,
  type DemoJob, type DemoLogPlan, type DemoSiteCode,
} from '../../../electron/app/demo/demo-logs-plan.js';
import { cupsLine, papercutNgRow, PRINT_LOGGER_HEAD, printLoggerRow } from '../../../electron/app/demo/demo-logs.js';
import type { LineParser, ParseEvent } from '../../../shared/domain/printlog/format.js';
import { formatByName } from '../../../shared/domain/printlog/registry.js';
import type { PrintJob } from '../../../shared/domain/printlog/job.js';

// One plan for the whole file: planning 200,000 jobs takes about a second.
const today = dayFromIso('2026-11-25');
const plan: DemoLogPlan = planDemoLogs({ seed: 7, today });
const allJobs: DemoJob[] = Object.values(plan.jobs).flat();
const fyByDay = new Map<number, number>();
/** A job's fiscal year, remembered per day (date arithmetic for every one of 200,000 jobs adds up). */
function fyOf(j: DemoJob): number {
  let fy = fyByDay.get(j.day);
  if (fy === undefined) {
    fy = fiscalYearOfDay(j.day);
    fyByDay.set(j.day, fy);
  }
  return fy;
}
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const sheetsWhere = (pred: (j: DemoJob) => boolean) => allJobs.reduce((a, j) => (pred(j) ? a + j.sheets : a), 0);
const share = (jobs: readonly DemoJob[], pred: (j: DemoJob) => boolean) => jobs.filter(pred).length / jobs.length;
/** Sheets per fiscal year and per `FY-month`, in one pass (date arithmetic per job and test would take seconds). */
const byFy = new Map<number, number>();
const byFyMonth = new Map<string, number>();
for (const j of allJobs) {
  const fy = fyOf(j);
  const key = `${fy}-${ymdOf(j.day).month}`;
  byFy.set(fy, (byFy.get(fy) ?? 0) + j.sheets);
  byFyMonth.set(key, (byFyMonth.get(key) ?? 0) + j.sheets);
}

describe('splitExactly', () => {
  it('splits in proportion and always adds up to the whole', () => {
    expect(splitExactly(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitExactly(0, [2, 5])).toEqual([0, 0]);
    for (const total of [1, 7, 999, 400_000, 325_760]) {
      const weights = [0.3, 1.7, 2.2, 0.01, 5, 1];
      const parts = splitExactly(total, weights);
      expect(sum(parts)).toBe(total);
      parts.forEach((p, i) => expect(Math.abs(p - (total * (weights[i] ?? 0)) / sum(weights))).toBeLessThan(1));
    }
  });

  it('refuses weights that sum to nothing', () => {
    expect(() => splitExactly(5, [0, 0])).toThrow(RangeError);
  });
});

describe('the calendar', () => {
  it('knows the national holidays, substitute holidays and citizens\' holidays', () => {
    const h = (y: number) => [...japaneseHolidays(y)].map(isoDay).sort();
    expect(h(2026)).toEqual([
      '2026-01-01', '2026-01-12', '2026-02-11', '2026-02-23', '2026-03-20', '2026-04-29', '2026-05-03', '2026-05-04', '2026-05-05',
      '2026-05-06', // 5/3 is a Sunday: 振替休日 after the run of holidays
      '2026-07-20', '2026-08-11', '2026-09-21',
      '2026-09-22', // between 敬老の日 and 秋分の日: 国民の休日
      '2026-09-23', '2026-10-12', '2026-11-03', '2026-11-23',
    ]);
    // The Olympic year: 海の日 and スポーツの日 in July, 山の日 on Sunday 8 August, so Monday 9 August off.
    expect(h(2021)).toEqual(expect.arrayContaining(['2021-07-22', '2021-07-23', '2021-08-08', '2021-08-09']));
    expect(h(2021)).not.toContain('2021-10-11');
    expect(h(2024)).toEqual(expect.arrayContaining(['2024-02-12', '2024-03-20', '2024-05-06', '2024-08-12', '2024-09-23', '2024-11-04']));
    expect(h(2025)).toEqual(expect.arrayContaining(['2025-02-24', '2025-05-06', '2025-11-24']));
  });

  it('closes the town hall on weekends, holidays and 29 December – 3 January', () => {
    for (const closed of ['2024-12-29', '2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03', '2024-11-04', '2026-11-21', '2026-11-22', '2026-11-23']) {
      expect(isWorkingDay(dayFromIso(closed)), closed).toBe(false);
    }
    for (const open of ['2024-12-27', '2025-01-06', '2026-11-24', '2026-11-25']) expect(isWorkingDay(dayFromIso(open)), open).toBe(true);
  });
});

describe('the budgets', () => {
  it('reproduce the seed: FY2022 and FY2023 fall below the baseline by exactly its measured reductions', () => {
    const years = new Map(plan.years.map((y) => [y.fiscalYear, y]));
    expect(plan.years.map((y) => y.fiscalYear)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(years.get(2021)?.sheets).toBe(DEMO_BASELINE_SHEETS);
    expect(DEMO_BASELINE_SHEETS - (years.get(2022)?.sheets ?? 0)).toBe(74_240);
    expect(DEMO_BASELINE_SHEETS - (years.get(2023)?.sheets ?? 0)).toBe(102_591);
    const r2024 = DEMO_BASELINE_SHEETS - (years.get(2024)?.sheets ?? 0);
    expect(r2024).toBeGreaterThan(102_591);
    expect(r2024).toBeLessThan(184_800); // the KGI is not reached in FY2024
    const r2025 = DEMO_BASELINE_SHEETS - (years.get(2025)?.sheets ?? 0);
    expect(Math.abs(r2025 - 190_000)).toBeLessThan(5_000);
    expect(years.get(2026)?.complete).toBe(false);
    expect(plan.years.slice(0, 5).every((y) => y.complete && y.sheets === y.yearSheets)).toBe(true);
  });

  it('add up exactly: every year\'s jobs are its budget, every month\'s jobs its month', () => {
    for (const y of plan.years) {
      expect(byFy.get(y.fiscalYear), `FY${y.fiscalYear}`).toBe(y.sheets);
      expect(sum(y.months)).toBe(y.yearSheets);
      if (!y.complete) continue;
      y.months.forEach((m, i) => expect(byFyMonth.get(`${y.fiscalYear}-${((i + 3) % 12) + 1}`)).toBe(m));
    }
    expect(sum(allJobs.map((j) => j.sheets))).toBe(sum(plan.years.map((y) => y.sheets)));
  });

  it('split a year over months and days exactly, whatever the total', () => {
    for (const total of [1, 4_321, 400_000]) {
      const months = fiscalYearBudget(2023, total, 99);
      expect(sum(months.map((m) => m.sheets))).toBe(total);
      for (const m of months) expect(sum(m.days.map((d) => d.sheets))).toBe(m.sheets);
    }
  });

  it('keep FY2026 (in progress) below the baseline\'s same months: the reduction goes on', () => {
    const lastMonthDay = ymdOf(plan.lastDay);
    const sameMonthsOfBaseline = sheetsWhere((j) => {
      if (fyOf(j) !== 2021) return false;
      const { month, day } = ymdOf(j.day);
      const m = month >= 4 ? month - 4 : month + 8;
      const last = lastMonthDay.month - 4;
      return m < last || (m === last && day <= lastMonthDay.day);
    });
    const ytd = plan.years.find((y) => y.fiscalYear === 2026)?.sheets ?? 0;
    expect(ytd).toBeGreaterThan(0);
    expect(ytd).toBeLessThan(sameMonthsOfBaseline - 102_591 * 0.5);
  });

  it('follow the seasons: busy April–June and January–March, quiet in August and over the New Year', () => {
    for (const y of plan.years.filter((x) => x.complete)) {
      const [apr, may, jun, , aug, , , , dec, jan, feb, mar] = y.months as [number, number, number, number, number, number, number, number, number, number, number, number];
      const mean = y.yearSheets / 12;
      expect(aug, `FY${y.fiscalYear} August`).toBe(Math.min(...y.months));
      expect(aug).toBeLessThan(mean * 0.85);
      for (const busy of [apr, may, jun, feb, mar]) expect(busy).toBeGreaterThan(mean * 0.95);
      expect(dec).toBeLessThan(apr);
      expect(jan).toBeLessThan(apr);
      expect(mar).toBeGreaterThan(mean);
    }
  });
});

describe('the jobs', () => {
  it('fall on working days, in working hours (8:30–17:30), before today', () => {
    const days = [...new Set(allJobs.map((j) => j.day))].sort((a, b) => a - b);
    // Collected and compared once: an expect per job would take seconds.
    expect(days.filter((d) => !isWorkingDay(d)).map(isoDay)).toEqual([]);
    expect(days.filter((d) => [0, 6].includes(weekdayOf(d)) || /-(12-(29|30|31)|01-0[123])$/.test(isoDay(d))).map(isoDay)).toEqual([]);
    expect(isoDay(days[0] ?? 0)).toBe('2021-04-01');
    expect(isoDay(days[days.length - 1] ?? 0)).toBe('2026-11-24');
    expect(allJobs.filter((j) => j.second < WORK_START_SECOND || j.second >= WORK_END_SECOND)).toEqual([]);
    // And the working days all have jobs: the town hall never stands still.
    let open = 0;
    for (let d = dayFromIso('2021-04-01'); d < today; d++) if (isWorkingDay(d)) open += 1;
    expect(days.length).toBe(open);
  });

  it('are in time order per site, no two in the same second', () => {
    for (const jobs of Object.values(plan.jobs)) {
      const stamps = jobs.map((j) => j.day * 86_400 + j.second);
      expect(stamps.filter((t, i) => i > 0 && t <= (stamps[i - 1] ?? 0))).toEqual([]);
    }
  });

  it('come mostly from 本庁, and from every site in every year', () => {
    const bySite = new Map<DemoSiteCode, number>();
    const siteYears = new Set<string>();
    for (const j of allJobs) {
      bySite.set(j.site, (bySite.get(j.site) ?? 0) + j.sheets);
      siteYears.add(`${j.site} ${fyOf(j)}`);
    }
    const total = sum([...bySite.values()]);
    const honcho = bySite.get('HONCHO') ?? 0;
    expect(honcho / total).toBeGreaterThan(0.6);
    for (const site of ['GEIHOKU', 'OASA', 'TOYOHIRA', 'CHIYODA-HC'] as const) {
      expect((bySite.get(site) ?? 0) / total).toBeGreaterThan(0.05);
      expect(bySite.get(site) ?? 0).toBeLessThan(honcho / 4);
      for (const y of plan.years) expect(siteYears.has(`${site} ${y.fiscalYear}`), `${site} FY${y.fiscalYear}`).toBe(true);
    }
  });

  it('print like a town hall: duplex rising, colour 15–20%, some A3 and N-up, copies mostly 1, ~8 sheets a job', () => {
    const jobsOfYear = new Map<number, DemoJob[]>();
    for (const j of allJobs) {
      const list = jobsOfYear.get(fyOf(j));
      if (list) list.push(j);
      else jobsOfYear.set(fyOf(j), [j]);
    }
    const duplex = [2021, 2022, 2023, 2024, 2025].map((fy) => share(jobsOfYear.get(fy) ?? [], (j) => j.duplex));
    for (let i = 1; i < duplex.length; i++) expect(duplex[i]).toBeGreaterThan(duplex[i - 1] ?? 1);
    expect(duplex[0]).toBeLessThan(0.35);
    expect(duplex[4]).toBeGreaterThan(0.5);
    const colour = share(allJobs, (j) => j.color);
    expect(colour).toBeGreaterThan(0.14);
    expect(colour).toBeLessThan(0.21);
    expect(share(allJobs, (j) => j.a3)).toBeGreaterThan(0.03);
    expect(share(allJobs, (j) => j.a3)).toBeLessThan(0.12);
    expect(share(allJobs, (j) => j.nUp > 1)).toBeGreaterThan(0.02);
    expect(share(allJobs, (j) => j.copies === 1)).toBeGreaterThan(0.8);
    const mean = sum(allJobs.map((j) => j.sheets)) / allJobs.length;
    expect(mean).toBeGreaterThan(6);
    expect(mean).toBeLessThan(12);
    expect(allJobs.length).toBeGreaterThan(150_000);
    expect(allJobs.length).toBeLessThan(260_000);
  });

  it('name the demo users (some with the Windows domain), and a few names that are nobody\'s login', () => {
    const names = new Set(allJobs.map((j) => j.user));
    for (const n of ['scanner', 'guest', 'hoken-shared']) expect(names).toContain(n);
    expect([...names].some((n) => n.startsWith('KITAHIROSHIMA\\'))).toBe(true);
    const unmatched = share(allJobs, (j) => ['scanner', 'guest', 'Administrator', 'hoken-shared'].includes(j.user));
    expect(unmatched).toBeGreaterThan(0.005);
    expect(unmatched).toBeLessThan(0.08);
    expect(demoPrinterUsers('HONCHO').find((u) => u.login === 'dx')?.printer).toBe('HONCHO-KIKAKU-MFP01');
    expect(new Set(plan.jobs.HONCHO.map((j) => j.printer))).toContain('HONCHO-SOMU-MFP01');
  });

  it('are the same for the same seed, different for another, and a later day leaves the past as it was', () => {
    const again = planDemoLogs({ seed: 7, today });
    expect(again.jobs.OASA).toEqual(plan.jobs.OASA);
    expect(again.jobs.HONCHO.slice(-500)).toEqual(plan.jobs.HONCHO.slice(-500));
    const other = planDemoLogs({ seed: 8, today: dayFromIso('2021-06-01') });
    expect(other.jobs.HONCHO.slice(0, 50)).not.toEqual(plan.jobs.HONCHO.slice(0, 50));
    const earlier = planDemoLogs({ seed: 7, today: dayFromIso('2022-04-01') });
    expect(earlier.years.map((y) => y.fiscalYear)).toEqual([2021]);
    expect(earlier.jobs.GEIHOKU).toEqual(plan.jobs.GEIHOKU.filter((j) => fyOf(j) === 2021));
  }, 30_000);

  it('plan nothing before FY2021', () => {
    const none = planDemoLogs({ seed: 1, today: dayFromIso('2021-04-01') });
    expect(none.years).toEqual([]);
    expect(Object.values(none.jobs).flat()).toEqual([]);
  });
});

describe('the plan counts sheets as the parsers do', () => {
  function parseAll(format: string, lines: string[]): PrintJob[] {
    const module = formatByName(format);
    if (!module) throw new Error(`no format ${format}`);
    const parser: LineParser = module.createParser({ timeZone: 'Asia/Tokyo' });
    const events: ParseEvent[] = lines.flatMap((l, i) => parser.push(l, i + 1));
    events.push(...parser.end());
    expect(events.filter((e) => e.kind === 'reject')).toEqual([]);
    return events.flatMap((e) => (e.kind === 'job' ? [e.job] : []));
  }
  // Every 97th job: a few thousand of each site, from every year.
  const sample = (site: DemoSiteCode) => plan.jobs[site].filter((_, i) => i % 97 === 0);

  it('Print Logger rows (本庁), decoded from CP932', () => {
    const jobs = sample('HONCHO');
    const text = iconv.decode(iconv.encode(PRINT_LOGGER_HEAD + jobs.map((j) => `${printLoggerRow(j)}\r\n`).join(''), 'cp932'), 'cp932');
    const parsed = parseAll('papercut-logger', text.split('\r\n').filter((l) => l !== ''));
    expect(parsed.map((p) => p.sheets)).toEqual(jobs.map((j) => j.sheets));
    expect(parsed.map((p) => p.document)).toEqual(jobs.map((j) => j.document));
    expect(parsed.map((p) => p.user)).toEqual(jobs.map((j) => j.user));
    const first = jobs[0] as DemoJob;
    expect(parsed[0]?.time).toBe(new Date(Date.UTC(2021, 3, 1) + (first.second - 9 * 3600) * 1000).toISOString());
  });

  it('CUPS page_log lines (支所) and PaperCut NG rows (保健センター)', () => {
    for (const site of ['GEIHOKU', 'OASA', 'TOYOHIRA'] as const) {
      const jobs = sample(site);
      const parsed = parseAll('cups', jobs.map((j, i) => cupsLine(j, 1000 + i)));
      expect(parsed.map((p) => p.sheets)).toEqual(jobs.map((j) => j.sheets));
      expect(parsed.map((p) => p.document)).toEqual(jobs.map((j) => j.document));
    }
    const jobs = sample('CHIYODA-HC');
    const parsed = parseAll('papercut-ng', jobs.map((j) => papercutNgRow(j, 'CHIYODA-HC-PCNG01')));
    expect(parsed.map((p) => p.sheets)).toEqual(jobs.map((j) => j.sheets));
    expect(parsed.map((p) => p.color)).toEqual(jobs.map((j) => j.color));
  });

  it('by the DOMAIN.md rule per format', () => {
    expect(sheetsAsImported('papercut-logger', 5, 3, true)).toBe(9);
    expect(sheetsAsImported('cups', 5, 3, true)).toBe(8);
    expect(sheetsAsImported('papercut-ng', 5, 3, true)).toBe(15);
  });

  it('with document names that survive CP932', () => {
    for (const t of demoDocumentTemplates()) expect(iconv.decode(iconv.encode(t, 'cp932'), 'cp932')).toBe(t);
    expect(demoDocumentTemplates().some((t) => t.includes('\uff5e'))).toBe(true);
    expect(demoDocumentTemplates().some((t) => t.includes('"') && t.length > 2)).toBe(true);
  });
});
