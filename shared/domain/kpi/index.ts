/**
 * The paper KPI, pure (no I/O: shared/ runs in the core and the renderer). The
 * database rollups (electron/app/kpi), the API and the screens build on it.
 *
 * - `months.ts`       fiscal-year months (`YYYY-MM`), the month of an instant in Tokyo, how far into a year a day is
 * - `sheets.ts`       the A3 / A4-equivalent basis, `isA3`, the duplex "what if" estimate per job
 * - `achievement.ts`  reduction = baseline − year; 達成率 as the seed's whole percent
 * - `kpi-input.ts`    what the KPI is computed from (baseline year or typed figure, target) and its validation
 * - `kpi.ts`          `computeKpi`: year totals, same-period comparison, projection, monthly table
 * - `regex-safety.ts` refusing mapping regexes that could hang (nested quantifiers, backreferences)
 * - `org-mapping.ts`  log user / printer names → department or site: by login, then by rule, else 未割当 (null)
 * - `mapping-csv.ts`  mapping rules from a CSV (subject,kind,pattern,department code,site code), errors by line
 * - `purchases-csv.ts` paper purchases from a clerk's Excel CSV (年月, 連数, 備考), a month's lines summed, errors by line in ja/en
 * - `evaluation.ts`   the April evaluation table (評価) and its CSV
 * - `effect.ts`       the e-approval effect: an estimate, never part of the measured reduction
 */
export * from './months.js';
export * from './sheets.js';
export * from './achievement.js';
export * from './kpi-input.js';
export * from './kpi.js';
export * from './regex-safety.js';
export * from './org-mapping.js';
export * from './evaluation.js';
export * from './effect.js';
export * from './mapping-csv.js';
export * from './purchases-csv.js';
