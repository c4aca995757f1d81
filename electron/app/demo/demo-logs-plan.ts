import type { FormatName } from '../../../shared/domain/printlog/format.js';
import { demoDepartments, demoUsers, type DemoDepartment } from './demo-town.js';

/**
 * The print jobs of the demo town, FY2021 (the baseline) up to yesterday, as
 * a plan: pure and deterministic (seeded PRNG; no clock, no I/O). demo-logs.ts
 * writes the plan as real log files and imports them.
 *
 * Every figure is planned in whole sheets, from the top down: a fiscal year's
 * total → its months (seasonal shape × working days) → its working days → the
 * five sites → jobs. Each level is split with the largest-remainder method,
 * so the parts add up to the whole exactly, and the last job of every site's
 * day is cut to the sheets that day still has. The sum of a year's jobs is
 * therefore its budget by construction; the integration test proves it again
 * by reading the imported jobs back from the database.
 */

export type DemoSiteCode = 'HONCHO' | 'GEIHOKU' | 'OASA' | 'TOYOHIRA' | 'CHIYODA-HC';
export type DemoLogFormat = Extract<FormatName, 'papercut-logger' | 'cups' | 'papercut-ng'>;

/** The print server of each site and the log it writes (as 北広島町 might run them). */
export const demoPrintServers: readonly { site: DemoSiteCode; server: string; format: DemoLogFormat }[] = [
  { site: 'HONCHO', server: 'HONCHO-PRTSRV01', format: 'papercut-logger' },
  { site: 'GEIHOKU', server: 'GEIHOKU-CUPS01', format: 'cups' },
  { site: 'OASA', server: 'OASA-CUPS01', format: 'cups' },
  { site: 'TOYOHIRA', server: 'TOYOHIRA-CUPS01', format: 'cups' },
  { site: 'CHIYODA-HC', server: 'CHIYODA-HC-PCNG01', format: 'papercut-ng' },
];

export const DEMO_FIRST_FISCAL_YEAR = 2021;
/**
 * The baseline year's sheets (FY2021). The seed's reductions are absolute
 * figures, so this must stay well above the largest of them; 400,000 keeps
 * `kamiless demo` to about 190,000 jobs.
 */
export const DEMO_BASELINE_SHEETS = 400_000;
/**
 * Planned reduction from the baseline per fiscal year. FY2022 and FY2023 are
 * the seed's measured results (DOMAIN.md); FY2024 falls short of the KGI
 * (184,800), FY2025 passes it, FY2026 goes on (the demo shows it in progress).
 */
export const DEMO_PLANNED_REDUCTIONS: Readonly<Record<number, number>> = {
  2021: 0, 2022: 74_240, 2023: 102_591, 2024: 152_376, 2025: 190_412, 2026: 206_500,
};

/** A year's planned sheets: the baseline less the planned reduction (later years: a little more each year, never below 30%). */
export function plannedYearSheets(fiscalYear: number, baseline = DEMO_BASELINE_SHEETS): number {
  const known = DEMO_PLANNED_REDUCTIONS[fiscalYear];
  const last = 2026;
  const reduction = known ?? (fiscalYear > last ? (DEMO_PLANNED_REDUCTIONS[last] ?? 0) + 8_000 * (fiscalYear - last) : 0);
  return Math.max(Math.round(baseline * 0.3), baseline - reduction);
}

// ---------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------

/** mulberry32: small, fast and the same on every platform, so a seed gives the same logs everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed for one part of the plan (a day of a site, a year's budgets), so a
 * part does not depend on how many numbers the parts before it drew: the
 * logs of past days stay the same when the demo is run on a later date.
 */
function subSeed(seed: number, ...parts: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}

// ---------------------------------------------------------------------------
// Calendar (Tokyo dates as day numbers: days since 1970-01-01)
// ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;

export const dayOf = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / DAY_MS;
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export function dayFromIso(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}
/** The Tokyo date of an instant (Japan has no daylight saving time). */
export const tokyoDayOf = (epochMs: number): number => Math.floor((epochMs + 9 * 3_600_000) / DAY_MS);
/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;
export function ymdOf(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
export function fiscalYearOfDay(day: number): number {
  const { year, month } = ymdOf(day);
  return month >= 4 ? year : year - 1;
}

/** The n-th (1-based) Monday of a month. */
function nthMonday(year: number, month: number, n: number): number {
  const first = dayOf(year, month, 1);
  return first + ((8 - weekdayOf(first)) % 7) + (n - 1) * 7;
}

/** 春分・秋分 by the usual approximation (valid 1980–2099); the cabinet announces them a year ahead, and they agree. */
const vernalEquinox = (year: number): number => Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
const autumnalEquinox = (year: number): number => Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));

/**
 * Japan's national holidays (国民の祝日) of a year, with substitute holidays
 * (振替休日) and citizens' holidays (国民の休日), under the law as it stands
 * since 2020 (天皇誕生日 on 23 February), with the Olympic moves of 2020 and 2021.
 */
export function japaneseHolidays(year: number): Set<number> {
  const base = new Set<number>([
    dayOf(year, 1, 1), nthMonday(year, 1, 2), dayOf(year, 2, 11), dayOf(year, 2, 23), dayOf(year, 3, vernalEquinox(year)),
    dayOf(year, 4, 29), dayOf(year, 5, 3), dayOf(year, 5, 4), dayOf(year, 5, 5),
    nthMonday(year, 9, 3), dayOf(year, 9, autumnalEquinox(year)), dayOf(year, 11, 3), dayOf(year, 11, 23),
  ]);
  // 海の日, スポーツの日 and 山の日 were moved around the Tokyo Olympics.
  const moved: Record<number, [number, number, number]> = { 2020: [dayOf(2020, 7, 23), dayOf(2020, 7, 24), dayOf(2020, 8, 10)], 2021: [dayOf(2021, 7, 22), dayOf(2021, 7, 23), dayOf(2021, 8, 8)] };
  for (const d of moved[year] ?? [nthMonday(year, 7, 3), nthMonday(year, 10, 2), dayOf(year, 8, 11)]) base.add(d);
  const all = new Set(base);
  // 国民の休日: a day between two holidays.
  for (const d of base) if (base.has(d + 2) && !base.has(d + 1) && weekdayOf(d + 1) !== 0) all.add(d + 1);
  // 振替休日: a holiday on a Sunday moves to the next day that is not a holiday.
  for (const d of base) {
    if (weekdayOf(d) !== 0) continue;
    let next = d + 1;
    while (all.has(next)) next += 1;
    all.add(next);
  }
  return all;
}

const holidayCache = new Map<number, Set<number>>();

/** A day the town hall is open: not a weekend, not a national holiday, not the year-end closure (12/29–1/3). */
export function isWorkingDay(day: number): boolean {
  const wd = weekdayOf(day);
  if (wd === 0 || wd === 6) return false;
  const { year, month, day: dom } = ymdOf(day);
  if ((month === 12 && dom >= 29) || (month === 1 && dom <= 3)) return false;
  let holidays = holidayCache.get(year);
  if (!holidays) {
    holidays = japaneseHolidays(year);
    holidayCache.set(year, holidays);
  }
  return !holidays.has(day);
}

/** The working days of a month. */
export function workingDaysOf(year: number, month: number): number[] {
  const days: number[] = [];
  for (let d = dayOf(year, month, 1); d < dayOf(year, month + 1, 1); d++) if (isWorkingDay(d)) days.push(d);
  return days;
}

/** The first working day on or after a date. */
export function workingDayFrom(day: number): number {
  let d = day;
  while (!isWorkingDay(d)) d += 1;
  return d;
}

// ---------------------------------------------------------------------------
// Budgets
// ---------------------------------------------------------------------------

/**
 * Splits `total` into integers in proportion to `weights` (largest remainder):
 * the parts always add up to `total`. Ties go to the earlier part, so the
 * split is deterministic.
 */
export function splitExactly(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) throw new RangeError('splitExactly: the weights must have a positive sum');
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = order[k]?.i ?? 0;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}

/**
 * How a year's printing is spread over its months, April first, per working
 * day: busy at the start of the fiscal year (new staff, the June 議会; May's
 * work piles up after Golden Week) and at its end (予算編成, the March 議会),
 * quiet in August (お盆, summer leave). Multiplied by the month's working
 * days, so Golden Week and the New Year closure thin their months too.
 */
export const MONTH_WEIGHTS: readonly number[] = [1.14, 1.18, 1.06, 0.96, 0.74, 0.98, 0.95, 0.97, 0.92, 0.98, 1.16, 1.14];

/** The calendar months of a fiscal year, April first. */
export function monthsOfFiscalYear(fiscalYear: number): { year: number; month: number }[] {
  return Array.from({ length: 12 }, (_, i) => ({ year: i < 9 ? fiscalYear : fiscalYear + 1, month: ((i + 3) % 12) + 1 }));
}

export interface MonthBudget {
  year: number;
  month: number;
  sheets: number;
  /** The month's working days and the sheets of each, in the same order. */
  days: { day: number; sheets: number }[];
}

/** A fiscal year's sheets over its months and working days; every level adds up exactly. */
export function fiscalYearBudget(fiscalYear: number, sheets: number, seed: number): MonthBudget[] {
  const months = monthsOfFiscalYear(fiscalYear).map((m) => ({ ...m, days: workingDaysOf(m.year, m.month) }));
  const monthSheets = splitExactly(sheets, months.map((m, i) => (MONTH_WEIGHTS[i] ?? 1) * m.days.length));
  const rnd = prng(subSeed(seed, fiscalYear, 0xb0d6e7));
  return months.map((m, i) => {
    // Mondays bring the weekend's backlog, Fridays are lighter; the rest is the day's own luck.
    const weights = m.days.map((d) => [0, 1.1, 1.0, 1.0, 1.0, 0.9, 0][weekdayOf(d)] ?? 1).map((w) => w * (0.8 + 0.4 * rnd()));
    const daySheets = m.days.length === 0 ? [] : splitExactly(monthSheets[i] ?? 0, weights);
    return { year: m.year, month: m.month, sheets: monthSheets[i] ?? 0, days: m.days.map((day, k) => ({ day, sheets: daySheets[k] ?? 0 })) };
  });
}

/** Each site's share of a year's sheets: 本庁 prints most, and cuts first (電子決裁 starts there), so its share falls a little each year. */
export function siteShares(fiscalYear: number): Record<DemoSiteCode, number> {
  const k = Math.min(5, Math.max(0, fiscalYear - DEMO_FIRST_FISCAL_YEAR));
  return { HONCHO: 0.68 - 0.012 * k, GEIHOKU: 0.08 + 0.003 * k, OASA: 0.07 + 0.003 * k, TOYOHIRA: 0.08 + 0.003 * k, 'CHIYODA-HC': 0.09 + 0.003 * k };
}

/** How the town prints in a fiscal year: more duplex and N-up, a little less colour and A3, as the paperless plan takes hold. */
export interface PrintMix {
  duplex: number;
  color: number;
  a3: number;
  nUp: number;
}

export function printMix(fiscalYear: number): PrintMix {
  const k = Math.min(5, Math.max(0, fiscalYear - DEMO_FIRST_FISCAL_YEAR));
  return {
    duplex: [0.28, 0.38, 0.46, 0.53, 0.6, 0.64][k] ?? 0.64,
    color: [0.2, 0.19, 0.18, 0.17, 0.16, 0.15][k] ?? 0.15,
    a3: [0.07, 0.065, 0.06, 0.055, 0.05, 0.05][k] ?? 0.05,
    nUp: [0.04, 0.05, 0.06, 0.08, 0.09, 0.1][k] ?? 0.1,
  };
}

// ---------------------------------------------------------------------------
// Who prints what, where
// ---------------------------------------------------------------------------

/** The Windows domain some 本庁 PCs log in with: their jobs carry `KITAHIROSHIMA\login`. */
export const DEMO_WINDOWS_DOMAIN = 'KITAHIROSHIMA';

export interface DemoPrinterUser {
  /** As the log writes it: a demo login, maybe with the domain, or a name that is nobody's login. */
  logName: string;
  /** The demo login it belongs to, or null (scanner, guest …: 未割当). */
  login: string | null;
  client: string;
  /** The printer of the user's department. */
  printer: string;
  /** The document pool (a 課's code, or SHISHO for the branches). */
  docs: string;
  weight: number;
}

/** How much a post prints, relative to a clerk: the heads of the town read more than they print. */
const POSITION_WEIGHT: Readonly<Record<string, number>> = {
  町長: 0.15, 副町長: 0.25, 部長: 0.45, 支所長: 0.7, 課長: 0.7, 課長補佐: 1.0, 係長: 1.15, 主査: 1.25, 主任: 1.35, 主事: 1.5, 会計年度任用職員: 1.3,
};

const deptByCode = new Map(demoDepartments.map((d) => [d.code, d]));

/** The 課 a department's people print at: a 係 uses its 課's copier, a 部 the first 課 under it. */
function kaOf(d: DemoDepartment): DemoDepartment {
  if (d.kind === 'ka') return d;
  if (d.kind === 'kakari') {
    const parent = d.parent === null ? undefined : deptByCode.get(d.parent);
    return parent ? kaOf(parent) : d;
  }
  return demoDepartments.find((x) => x.parent === d.code && x.kind === 'ka' && x.site === d.site) ?? d;
}

const sitePrinter = (site: DemoSiteCode, ka: DemoDepartment): string => (site === 'HONCHO' ? `HONCHO-${ka.code}-MFP01` : `${site}-MFP01`);

/** Shared printers beside the departments' copiers (a job goes there 15% of the time). */
export const sharedPrinters: Readonly<Record<DemoSiteCode, string>> = {
  HONCHO: 'HONCHO-2F-PRN01', GEIHOKU: 'GEIHOKU-PRN01', OASA: 'OASA-PRN01', TOYOHIRA: 'TOYOHIRA-PRN01', 'CHIYODA-HC': 'CHIYODA-HC-PRN01',
};

const SITE_NUMBER: Readonly<Record<DemoSiteCode, number>> = { HONCHO: 1, GEIHOKU: 2, OASA: 3, TOYOHIRA: 4, 'CHIYODA-HC': 5 };

/**
 * Names in the logs that are nobody's login, so the report's 未割当 is never
 * empty: the copiers' scan-to-print account, a guest login, the server's
 * Administrator, the health centre's shared nurses' PC.
 */
const UNMATCHED: Readonly<Record<DemoSiteCode, [string, number][]>> = {
  HONCHO: [['scanner', 0.25], ['guest', 0.2], ['Administrator', 0.1]],
  GEIHOKU: [['scanner', 0.04], ['guest', 0.03]],
  OASA: [['scanner', 0.04]],
  TOYOHIRA: [['scanner', 0.04], ['guest', 0.03]],
  'CHIYODA-HC': [['hoken-shared', 0.9], ['guest', 0.04]],
};

/** Who prints at each site: the demo users of its departments, then the unmatched names. */
export function demoPrinterUsers(site: DemoSiteCode): DemoPrinterUser[] {
  const people = demoUsers
    .map((u, index) => ({ u, index, dept: deptByCode.get(u.department) }))
    .filter((x): x is typeof x & { dept: DemoDepartment } => x.dept !== undefined && x.dept.site === site)
    .map(({ u, index, dept }, k): DemoPrinterUser => {
      const ka = kaOf(dept);
      // A third of 本庁's PCs log in with the domain (set up by another vendor); the branches' Samba logs plain names.
      const logName = site === 'HONCHO' && index % 3 === 1 ? `${DEMO_WINDOWS_DOMAIN}\\${u.login}` : u.login;
      const client = site === 'HONCHO' || site === 'CHIYODA-HC'
        ? `KH-${ka.code}-PC${String(k + 1).padStart(2, '0')}`
        : `10.${SITE_NUMBER[site]}.1.${21 + k}`;
      return { logName, login: u.login, client, printer: sitePrinter(site, ka), docs: site === 'HONCHO' || site === 'CHIYODA-HC' ? ka.code : 'SHISHO', weight: POSITION_WEIGHT[u.position] ?? 1 };
    });
  const others = (UNMATCHED[site] ?? []).map(([name, weight], k): DemoPrinterUser => ({
    logName: name, login: null, client: site === 'HONCHO' || site === 'CHIYODA-HC' ? `KH-${site === 'HONCHO' ? 'SHARED' : 'HOKEN'}-PC${String(k + 1).padStart(2, '0')}` : `10.${SITE_NUMBER[site]}.1.${200 + k}`,
    printer: name === 'scanner' ? `${site === 'HONCHO' ? 'HONCHO-SOMU' : site}-MFP01` : sharedPrinters[site], docs: site === 'CHIYODA-HC' ? 'HOKEN' : site === 'HONCHO' ? 'COMMON' : 'SHISHO', weight,
  }));
  return [...people, ...others];
}

/**
 * Document names as print dialogs send them. `{R}` is the fiscal year in 令和,
 * `{m}` a month, `{n}` a small number. Some hold a comma, double quotes or the
 * CP932-only `①` `㈱` `～`, which the Print Logger CSV has to quote and encode.
 */
const DOCS: Readonly<Record<string, readonly string[]>> = {
  COMMON: [
    '起案書.docx', '回議用紙.pdf', '会議資料（第{n}回）.pdf', '回覧\uff5e全職員.pdf', '議事録①, 第{n}回.docx', '"重要" 庁内お知らせ.pdf',
    'Microsoft Word - 文書{n}', '支出負担行為伺い.pdf', '出張命令簿.xlsx', '時間外勤務命令簿.xlsx', '㈱北広建設 見積書.pdf', '請求書 {m}月分.pdf',
    '令和{R}年度 事業計画書.docx', 'メール印刷 - Outlook', '議会答弁書 ①.docx', '文書収受簿.xlsx',
  ],
  SOMU: ['例規集 抜粋.pdf', '職員研修 案内.docx', '人事異動 内示.xlsx', '庁議 資料（{m}月）.pdf', '情報公開 請求書.pdf'],
  ZAISEI: ['令和{R}年度 予算資料.xlsx', '予算要求書.xlsx', '決算見込み.xlsx', '補正予算 説明資料（第{n}号）.pdf'],
  KIKAKU: ['DX加速化戦略 ロードマップ.pptx', '総合計画 進捗管理表.xlsx', '広報きたひろしま {m}月号.pdf', '電子決裁 操作説明.pdf'],
  CHOMIN: ['住民票 交付申請書.pdf', '転入届 チェックリスト.xlsx', 'マイナンバーカード 交付予約.xlsx', '戸籍 届出 受付簿.xlsx'],
  ZEIMU: ['固定資産税 課税台帳.xlsx', '納税通知書 控.pdf', '町民税 申告書.pdf', '滞納整理 一覧.xlsx'],
  FUKUSHI: ['介護認定 調査票.pdf', '障害福祉サービス 受給者証.docx', '民生委員 会議資料.pdf', '福祉医療 申請書.pdf'],
  HOKEN: ['特定健診 案内.docx', '予防接種 予診票.pdf', '母子健康手帳 交付台帳.xlsx', '健康相談 記録.docx', '乳幼児健診 問診票.pdf'],
  NORIN: ['農地転用 許可申請書.pdf', '鳥獣被害 報告.xlsx', '森林経営計画.pdf', '中山間地域 直接支払 交付金.xlsx'],
  SHOKO: ['観光パンフレット 芸北.pdf', '商工会 補助金 交付申請.docx', '神楽 イベント チラシ.pdf', 'ふるさと納税 返礼品 一覧.xlsx'],
  KENSETSU: ['道路台帳 抜粋.pdf', '工事 設計書.pdf', '町道 修繕 見積書.xlsx', '図面 平面図.pdf', '除雪 計画.pdf'],
  KAIKEI: ['支出命令書.pdf', '歳入歳出 日計表.xlsx', '公金 振込 一覧.xlsx', '例月出納検査 資料.pdf'],
  SHISHO: ['地域づくり 会議資料.pdf', '住民票 交付申請書.pdf', '集落 回覧文書.docx', '支所だより {m}月号.pdf', '除雪 出動 記録.xlsx'],
};

/** Every document template, for the encoding test (each must survive CP932). */
export const demoDocumentTemplates = (): string[] => Object.values(DOCS).flat();

// ---------------------------------------------------------------------------
// Jobs
// ---------------------------------------------------------------------------

export interface DemoJob {
  site: DemoSiteCode;
  /** The Tokyo date (day number) and the second of that day the job was logged at. */
  day: number;
  second: number;
  user: string;
  printer: string;
  client: string;
  document: string;
  /** One copy's pages as the spooler counts them: after N-up, which the driver applies (the logs only see the result). */
  pagesPerCopy: number;
  copies: number;
  duplex: boolean;
  color: boolean;
  a3: boolean;
  /** Pages per side the driver was set to; only the plan knows it (none of these three formats logs it). */
  nUp: 1 | 2 | 4;
  /** Sheets as the import counts them for this site's log format. */
  sheets: number;
}

/**
 * Sheets of a job as the import reads its site's log (fixtures README):
 * Print Logger: ceil(pages ÷ sides) × copies; CUPS writes impressions (pages ×
 * copies) and ceil(impressions ÷ sides); PaperCut NG logs no duplex: sheets = pages.
 */
export function sheetsAsImported(format: DemoLogFormat, pagesPerCopy: number, copies: number, duplex: boolean): number {
  const sides = duplex ? 2 : 1;
  switch (format) {
    case 'papercut-logger':
      return Math.ceil(pagesPerCopy / sides) * copies;
    case 'cups':
      return Math.ceil((pagesPerCopy * copies) / sides);
    case 'papercut-ng':
      return pagesPerCopy * copies;
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

/** Working hours 8:30–17:30 in half hours, with the lunch dip. */
const SLOT_WEIGHTS = [0.7, 1.0, 1.15, 1.15, 1.1, 1.0, 0.95, 0.45, 0.5, 1.0, 1.15, 1.15, 1.1, 1.05, 1.0, 0.95, 0.85, 0.6];
export const WORK_START_SECOND = 8 * 3600 + 30 * 60;
export const WORK_END_SECOND = 17 * 3600 + 30 * 60;
const SLOT_TOTAL = SLOT_WEIGHTS.reduce((a, b) => a + b, 0);

function pickWeighted<T>(items: readonly T[], weightOf: (t: T) => number, total: number, r: number): T {
  let x = r * total;
  for (const item of items) {
    x -= weightOf(item);
    if (x < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('pickWeighted: no items');
  return last;
}

/** n distinct seconds within working hours, in order: no two jobs of a site share a second, so none looks like another. */
function workSeconds(n: number, rnd: () => number): number[] {
  const taken = new Set<number>();
  const slots = SLOT_WEIGHTS.map((w, i) => ({ w, i }));
  while (taken.size < n) {
    const slot = pickWeighted(slots, (s) => s.w, SLOT_TOTAL, rnd());
    taken.add(WORK_START_SECOND + slot.i * 1800 + Math.floor(rnd() * 1800));
  }
  return [...taken].sort((a, b) => a - b);
}

interface SiteContext {
  site: DemoSiteCode;
  format: DemoLogFormat;
  users: DemoPrinterUser[];
  userWeight: number;
}

function fillTemplate(template: string, fiscalYear: number, month: number, rnd: () => number): string {
  return template.replace('{R}', String(fiscalYear - 2018)).replace('{m}', String(month)).replace('{n}', String(1 + Math.floor(rnd() * 12)));
}

/** One job as people print: mostly short documents, one copy; now and then a handout for a meeting. */
function sampleJob(ctx: SiteContext, mix: PrintMix, fiscalYear: number, month: number, rnd: () => number): Omit<DemoJob, 'day' | 'second'> {
  const user = pickWeighted(ctx.users, (u) => u.weight, ctx.userWeight, rnd());
  const pool = rnd() < 0.4 ? DOCS['COMMON'] : (DOCS[user.docs] ?? DOCS['COMMON']);
  const document = fillTemplate(pool?.[Math.floor(rnd() * (pool?.length ?? 0))] ?? '起案書.docx', fiscalYear, month, rnd);
  const u = rnd();
  let docPages = u < 0.38 ? 1 : u < 0.58 ? 2 + Math.floor(rnd() * 2) : u < 0.8 ? 4 + Math.floor(rnd() * 7) : u < 0.95 ? 11 + Math.floor(rnd() * 20) : 31 + Math.floor(rnd() * 50);
  const c = rnd();
  const copies = c < 0.86 ? 1 : c < 0.92 ? 2 : c < 0.975 ? 3 + Math.floor(rnd() * 3) : 10 + Math.floor(rnd() * 11);
  // A handout for a meeting is short.
  if (copies >= 10) docPages = Math.min(docPages, 2 + Math.floor(rnd() * 10));
  const nUp: 1 | 2 | 4 = docPages >= 4 && rnd() < mix.nUp ? (rnd() < 0.8 ? 2 : 4) : 1;
  const pagesPerCopy = Math.ceil(docPages / nUp);
  const duplex = rnd() < mix.duplex;
  const color = rnd() < mix.color;
  const a3 = rnd() < (user.docs === 'KENSETSU' ? 0.25 : mix.a3);
  const printer = rnd() < 0.15 ? sharedPrinters[ctx.site] : user.printer;
  return {
    site: ctx.site, user: user.logName, printer, client: user.client, document,
    pagesPerCopy, copies, duplex, color, a3, nUp, sheets: sheetsAsImported(ctx.format, pagesPerCopy, copies, duplex),
  };
}

/** Reshapes a job to exactly `sheets` sheets (one copy; a duplex job of 2n or 2n − 1 pages), keeping the rest of it. */
function fitJob(job: Omit<DemoJob, 'day' | 'second'>, format: DemoLogFormat, sheets: number, rnd: () => number): Omit<DemoJob, 'day' | 'second'> {
  const duplex = format === 'papercut-ng' ? job.duplex : job.duplex && sheets > 0;
  const pagesPerCopy = format === 'papercut-ng' || !duplex ? sheets : 2 * sheets - (rnd() < 0.5 ? 1 : 0);
  const fitted = { ...job, copies: 1, duplex, pagesPerCopy, nUp: 1 as const, sheets: sheetsAsImported(format, pagesPerCopy, 1, duplex) };
  if (fitted.sheets !== sheets) throw new Error(`fitJob: ${fitted.sheets} sheets where ${sheets} were planned`);
  return fitted;
}

/** The jobs of one site on one day, adding up to exactly `sheets`. */
function siteDayJobs(ctx: SiteContext, day: number, sheets: number, seed: number): DemoJob[] {
  const rnd = prng(subSeed(seed, day, SITE_NUMBER[ctx.site]));
  const fiscalYear = fiscalYearOfDay(day);
  const { month } = ymdOf(day);
  const mix = printMix(fiscalYear);
  const jobs: Omit<DemoJob, 'day' | 'second'>[] = [];
  let left = sheets;
  while (left > 0) {
    let job = sampleJob(ctx, mix, fiscalYear, month, rnd);
    // The day's last job takes what the budget has left, so the day adds up exactly.
    if (job.sheets >= left) job = fitJob(job, ctx.format, left, rnd);
    jobs.push(job);
    left -= job.sheets;
  }
  const seconds = workSeconds(jobs.length, rnd);
  // Jobs are drawn first and given times after, in a shuffled order, so the cut last job is not always the day's last.
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [jobs[i], jobs[j]] = [jobs[j] as (typeof jobs)[number], jobs[i] as (typeof jobs)[number]];
  }
  return jobs.map((job, i) => ({ ...job, day, second: seconds[i] ?? WORK_START_SECOND }));
}

export interface DemoPlanOptions {
  seed: number;
  /** Tokyo date the demo is made on; logs end the day before (today's log is not complete yet). */
  today: number;
  baseline?: number;
}

export interface DemoYearPlan {
  fiscalYear: number;
  /** The whole year's planned sheets. */
  yearSheets: number;
  /** Sheets of the days before `today`: the year's total in the logs. Equal to yearSheets for a complete year. */
  sheets: number;
  complete: boolean;
  /** Planned sheets per month, April first (the whole month, even for the month in progress). */
  months: number[];
}

export interface DemoLogPlan {
  seed: number;
  baseline: number;
  firstDay: number;
  /** The last day with jobs (the day before `today`). */
  lastDay: number;
  years: DemoYearPlan[];
  /** Per site, in time order. */
  jobs: Record<DemoSiteCode, DemoJob[]>;
}

/** The whole plan: every job of every site from 1 April 2021 to the day before `today`. */
export function planDemoLogs(opts: DemoPlanOptions): DemoLogPlan {
  const baseline = opts.baseline ?? DEMO_BASELINE_SHEETS;
  const firstDay = dayOf(DEMO_FIRST_FISCAL_YEAR, 4, 1);
  const lastDay = opts.today - 1;
  const contexts = demoPrintServers.map(({ site, format }): SiteContext => {
    const users = demoPrinterUsers(site);
    return { site, format, users, userWeight: users.reduce((a, u) => a + u.weight, 0) };
  });
  const jobs = Object.fromEntries(demoPrintServers.map((s) => [s.site, [] as DemoJob[]])) as Record<DemoSiteCode, DemoJob[]>;
  const years: DemoYearPlan[] = [];
  for (let fy = DEMO_FIRST_FISCAL_YEAR; lastDay >= firstDay && fy <= fiscalYearOfDay(lastDay); fy++) {
    const yearSheets = plannedYearSheets(fy, baseline);
    const budget = fiscalYearBudget(fy, yearSheets, opts.seed);
    const shares = siteShares(fy);
    let sheets = 0;
    for (const m of budget) {
      for (const { day, sheets: daySheets } of m.days) {
        if (day > lastDay) continue;
        const rnd = prng(subSeed(opts.seed, day, 0x5173));
        // Each site's share moves a little from day to day (a branch's busy day is not the town's).
        const split = splitExactly(daySheets, contexts.map((c) => shares[c.site] * (0.8 + 0.4 * rnd())));
        contexts.forEach((ctx, i) => jobs[ctx.site].push(...siteDayJobs(ctx, day, split[i] ?? 0, opts.seed)));
        sheets += daySheets;
      }
    }
    years.push({ fiscalYear: fy, yearSheets, sheets, complete: budget.every((m) => m.days.every((d) => d.day <= lastDay)), months: budget.map((m) => m.sheets) });
  }
  return { seed: opts.seed, baseline, firstDay, lastDay, years, jobs };
}
