/**
 * The e-approval effect (電子決裁による削減効果) of a fiscal year: the cases that
 * reached final approval (承認済 or 施行済) on a Tokyo date inside the year, each
 * worth its pages on a paper route — 1 for the 起案用紙 (the cover sheet a paper
 * route prints) plus the pages of its current attachments (removed ones left
 * out) — printed once per paper copy such a route would have needed (a setting).
 *
 * An ESTIMATE, shown apart from the measured reduction and never added into
 * it: the measured sheets already contain whatever e-approval saved.
 */
import {
  COVER_SHEET_PAGES,
  DEFAULT_APPROVAL_EFFECT_DUPLEX,
  DEFAULT_PAPER_COPIES,
  MAX_PAPER_COPIES,
  type ApprovalEffect,
  type ApprovalEffectSettings,
  type ApprovalEffectType,
} from '../../../shared/api/kpi-approval-effect.js';
import type { ApprovalEffectSummary } from '../../../shared/api/kpi.js';
import { approvalEffect, fiscalMonths, monthOfInstant } from '../../../shared/domain/kpi/index.js';
import { fiscalYearOf, fiscalYearRange, localDayRange } from '../../../shared/domain/wareki.js';
import type { Db } from '../db/connection.js';
import { createSettingsRepo } from '../org/settings.repo.js';

/** Where the two settings live in the `settings` table. */
export const APPROVAL_EFFECT_KEYS = {
  paperCopies: 'kpi.approvalEffect.paperCopies',
  duplex: 'kpi.approvalEffect.duplex',
} as const;

const DAY_MS = 86_400_000;

/** The SQL, exported so a test can read what it counts. */
export const approvalEffectSql = {
  // A case's pages: the cover sheet plus its attachments still on it. The approval time is compared as text
  // over a window a day wider than the year (the core writes toISOString() instants); the exact Tokyo fiscal
  // year of each is then checked in code, so an instant written with an offset is still placed right.
  cases: `SELECT c.id, c.type_id AS typeId, t.name AS typeName, t.sort_order AS sortOrder, c.approved_at AS approvedAt,
      ${COVER_SHEET_PAGES} + coalesce((SELECT sum(a.pages) FROM case_attachments a WHERE a.case_id = c.id AND a.removed_at IS NULL), 0) AS pages
    FROM cases c JOIN document_types t ON t.id = c.type_id
    WHERE c.state IN ('approved', 'enforced') AND c.approved_at IS NOT NULL AND c.approved_at >= @from AND c.approved_at < @to
    ORDER BY c.id`,
} as const;

interface CaseRow {
  id: number;
  typeId: number;
  typeName: string;
  sortOrder: number;
  approvedAt: string;
  pages: number;
}

/** A stored setting read back; anything unreadable (edited by hand) falls back to the default rather than failing the page. */
function readCopies(value: string | null): number {
  if (value === null || !/^\d{1,2}$/.test(value)) return DEFAULT_PAPER_COPIES;
  const n = Number(value);
  return n <= MAX_PAPER_COPIES ? n : DEFAULT_PAPER_COPIES;
}
function readDuplex(value: string | null): boolean {
  return value === null ? DEFAULT_APPROVAL_EFFECT_DUPLEX : value === 'true';
}

export function createApprovalEffectRepo(db: Db) {
  const settingsRepo = createSettingsRepo(db);
  const s = { cases: db.prepare(approvalEffectSql.cases) };

  const settings = (): ApprovalEffectSettings => ({
    paperCopies: readCopies(settingsRepo.get(APPROVAL_EFFECT_KEYS.paperCopies)),
    duplex: readDuplex(settingsRepo.get(APPROVAL_EFFECT_KEYS.duplex)),
  });

  const setSettings = db.transaction((input: ApprovalEffectSettings): ApprovalEffectSettings => {
    settingsRepo.set(APPROVAL_EFFECT_KEYS.paperCopies, String(input.paperCopies));
    settingsRepo.set(APPROVAL_EFFECT_KEYS.duplex, String(input.duplex));
    return settings();
  });

  /** The cases finally approved on a Tokyo date inside the fiscal year. */
  function casesOf(fiscalYear: number): CaseRow[] {
    const range = fiscalYearRange(fiscalYear);
    // Tokyo midnight opening 1 April, and the one closing 31 March.
    const start = localDayRange(`${range.start}T12:00:00+09:00`).start;
    const end = localDayRange(`${range.end}T12:00:00+09:00`).end;
    const from = new Date(Date.parse(start) - DAY_MS).toISOString();
    const to = new Date(Date.parse(end) + DAY_MS).toISOString();
    return (s.cases.all({ from, to }) as CaseRow[]).filter((c) => {
      const at = Date.parse(c.approvedAt);
      return !Number.isNaN(at) && fiscalYearOf(at) === fiscalYear;
    });
  }

  function forYear(fiscalYear: number): ApprovalEffect {
    const { paperCopies, duplex } = settings();
    const cases = casesOf(fiscalYear);
    const sheetsOfCase = (c: CaseRow) => approvalEffect([{ pages: c.pages }], paperCopies, { duplex });

    const types = new Map<number, ApprovalEffectType & { sortOrder: number }>();
    const months = new Map(fiscalMonths(fiscalYear).map((month) => [month, { month, cases: 0, sheets: 0 }]));
    let pages = 0;
    let sheets = 0;
    for (const c of cases) {
      const caseSheets = sheetsOfCase(c);
      pages += c.pages;
      sheets += caseSheets;
      let type = types.get(c.typeId);
      if (!type) types.set(c.typeId, (type = { typeId: c.typeId, name: c.typeName, sortOrder: c.sortOrder, cases: 0, pages: 0, sheets: 0 }));
      type.cases += 1;
      type.pages += c.pages;
      type.sheets += caseSheets;
      const month = months.get(monthOfInstant(c.approvedAt));
      if (month) {
        month.cases += 1;
        month.sheets += caseSheets;
      }
    }
    const byType = [...types.values()]
      .sort((a, b) => b.sheets - a.sheets || a.sortOrder - b.sortOrder || a.typeId - b.typeId)
      .map(({ typeId, name, cases: n, pages: p, sheets: sh }) => ({ typeId, name, cases: n, pages: p, sheets: sh }));
    return { fiscalYear, cases: cases.length, pages, paperCopies, duplex, sheets, byType, byMonth: [...months.values()] };
  }

  return {
    settings,
    setSettings: (input: ApprovalEffectSettings) => setSettings(input),
    forYear,
    /** The figures the report (and `kamiless report --json`) carries. */
    summary(fiscalYear: number): ApprovalEffectSummary {
      const { cases, pages, paperCopies, duplex, sheets } = forYear(fiscalYear);
      return { cases, pages, paperCopies, duplex, sheets };
    },
  };
}
export type ApprovalEffectRepo = ReturnType<typeof createApprovalEffectRepo>;
