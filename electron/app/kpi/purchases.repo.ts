import { SHEETS_PER_REAM, type Purchase, type PurchaseInput, type PurchaseList } from '../../../shared/api/kpi-evaluation.js';
import { fiscalMonths } from '../../../shared/domain/kpi/index.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';

interface Row {
  month: string;
  reams: number;
  note: string;
}

const toPurchase = (r: Row): Purchase => ({ month: r.month, reams: r.reams, sheets: r.reams * SHEETS_PER_REAM, note: r.note });

/**
 * Paper bought per month (kpi_purchases): the KPI's third measure, entered by
 * hand or imported from a CSV. The report reads the same table (reams × 500),
 * so a month saved here is in the purchases figures at once.
 */
export function createPurchasesRepo(db: Db, clock: Clock) {
  const s = {
    range: db.prepare('SELECT month, reams, note FROM kpi_purchases WHERE month >= ? AND month <= ? ORDER BY month'),
    one: db.prepare('SELECT month, reams, note FROM kpi_purchases WHERE month = ?'),
    upsert: db.prepare(`INSERT INTO kpi_purchases (month, reams, note, updated_at) VALUES (@month, @reams, @note, @now)
      ON CONFLICT (month) DO UPDATE SET reams = excluded.reams, note = excluded.note, updated_at = excluded.updated_at`),
  };

  return {
    /** The months of a fiscal year (April–March) that have a purchase, in order, with the year's totals. */
    list(fiscalYear: number): PurchaseList {
      const months = fiscalMonths(fiscalYear);
      const items = (s.range.all(months[0] ?? '', months[11] ?? '') as Row[]).map(toPurchase);
      return {
        fiscalYear,
        items,
        reams: items.reduce((a, p) => a + p.reams, 0),
        sheets: items.reduce((a, p) => a + p.sheets, 0),
      };
    },
    /** Enters or corrects one month (the schema has checked the month, reams ≥ 0 and the note). */
    set(input: PurchaseInput): Purchase {
      s.upsert.run({ month: input.month, reams: input.reams, note: input.note, now: isoAt(clock) });
      return toPurchase(s.one.get(input.month) as Row);
    },
    /**
     * Replaces the stored reams and note of each month given (an import), all
     * or none: one transaction. Months not given are left as they are.
     */
    replace: db.transaction((months: readonly PurchaseInput[]): Purchase[] => {
      const now = isoAt(clock);
      for (const m of months) s.upsert.run({ month: m.month, reams: m.reams, note: m.note, now });
      return months.map((m) => toPurchase(s.one.get(m.month) as Row));
    }),
  };
}
export type PurchasesRepo = ReturnType<typeof createPurchasesRepo>;
