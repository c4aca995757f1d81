/**
 * The normalized print job every format parser produces (ARCHITECTURE.md,
 * "Print logs"). Pure data: the pipeline adds the source file and line.
 */
export interface PrintJob {
  /** The instant, ISO 8601 in UTC (`2024-04-01T00:30:00.000Z`). Local log times are Asia/Tokyo unless the log says otherwise. */
  time: string;
  user: string;
  printer: string;
  /** The submitting computer, '' when the format has none. */
  client: string;
  document: string;
  /** Printed pages (sides), copies included. */
  pages: number;
  /** Pieces of paper. */
  sheets: number;
  copies: number;
  /** 2 = duplex, 1 = one-sided, null = the log does not say (counted one-sided, marked "unknown"). */
  sides: 1 | 2 | null;
  /** Pages per sheet side (N-up); 1 unless the log says otherwise. */
  nUp: number;
  /** true = colour, false = greyscale, null = unknown. */
  color: boolean | null;
  /** As the log names it ('A4', 'iso_a4_210x297mm', 'Letter'); '' when unknown. */
  paperSize: string;
}

/**
 * A copier/MFP counter reading: sheets per device or department per month.
 * A separate measure from jobs (copies made at the copier never reach a print
 * server), never added to them.
 */
export interface CounterReading {
  /** `YYYY-MM`. */
  month: string;
  /** The department (or device) the report names, as written. */
  department: string;
  device: string;
  sheets: number;
  /** Colour sheets when the report splits them, else null. */
  colorSheets: number | null;
}

/** DOMAIN.md: sheets = ceil(pages ÷ (sides × N-up)) × copies, with `pagesPerCopy` one copy's pages. */
export function sheetsOf(pagesPerCopy: number, copies: number, sides: 1 | 2 | null, nUp = 1): number {
  return Math.ceil(pagesPerCopy / ((sides ?? 1) * Math.max(1, nUp))) * copies;
}
