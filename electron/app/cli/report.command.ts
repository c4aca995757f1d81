import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { kpiMeasureSchema, type KpiReport } from '../../../shared/api/kpi.js';
import { AppError } from '../app-error.js';
import { systemClock } from '../clock.js';
import { evaluationPdf } from '../kpi/evaluation-pdf.js';
import { createEvaluationRepo, evaluationCsv, evaluationOf } from '../kpi/evaluation.repo.js';
import { createKpiReports } from '../kpi/kpi-report.js';
import { encodeShiftJis, encodeUtf8WithBom } from '../kpi/shift-jis.js';
import { CliError } from './io.js';
import { wholeNumber } from './options.js';
import { openDataFolder } from './open-data.js';

interface ReportFlags {
  data?: string;
  fy: number;
  measure?: string;
  json?: boolean;
  csv?: boolean;
  sjis?: boolean;
  pdf?: string;
}

const n = (value: number | null) => (value === null ? '—' : value.toLocaleString('ja-JP'));

function printText(r: KpiReport): void {
  const lines = [
    `${r.label}（FY${r.fiscalYear}） 紙削減 KPI — measure: ${r.measure}${r.complete ? '' : ' (in progress)'}`,
    `  sheets ${n(r.sheets)}  (pages ${n(r.pages)}, jobs ${n(r.jobs)})`,
    `  baseline ${r.baseline.fiscalYear === null ? r.baseline.source : `FY${r.baseline.fiscalYear}`}: ${n(r.baseline.sheets)}`,
    `  reduction ${n(r.reduction)} / target ${n(r.target)} = 達成率 ${r.achievementPercent === null ? '—' : `${r.achievementPercent}%`}`,
  ];
  if (!r.complete) lines.push(`  so far: ${r.ytd.method}`);
  if (r.projection) lines.push(`  projected: ${n(r.projection.reduction)} (${r.projection.achievementPercent ?? '—'}%) — ${r.projection.method}`);
  lines.push(`  未割当 (unmapped): ${n(r.unmapped.jobs)} jobs, ${n(r.unmapped.sheets)} sheets`);
  for (const s of r.bySite) lines.push(`  ${s.name}: ${n(s.sheets)} sheets`);
  const e = r.approvalEffect;
  lines.push(`  電子決裁による削減効果（推計, not in the reduction above）: ${n(e.sheets)} sheets — ${n(e.cases)} cases, ${n(e.pages)} pages × ${e.paperCopies} copies${e.duplex ? ', duplex' : ''}`);
  console.log(lines.join('\n'));
}

export function reportCommand(program: Command): void {
  program
    .command('report')
    .description("a fiscal year's paper KPI: sheets, baseline, reduction, target and 達成率, by month, site, department and printer")
    .option('--data <dir>', 'data folder')
    .requiredOption('--fy <year>', 'the fiscal year (2024 = 令和6年度, April 2024 – March 2025)', wholeNumber(2000, 2100, '--fy'))
    .option('--measure <name>', `jobs (print servers), counters (copier counters) or purchases (paper bought); default: the year's setting`)
    .option('--json', 'print the report as JSON (a public contract: fields are only ever added)')
    .option('--csv', 'print the evaluation table (評価) as CSV, UTF-8 with a BOM for Excel')
    .option('--sjis', 'with --csv: Shift_JIS instead of UTF-8 (older Excel)')
    .option('--pdf <file>', 'write the evaluation report (評価) as a printable A4 PDF to the file')
    .action(async (flags: ReportFlags) => {
      const measure = flags.measure === undefined ? undefined : kpiMeasureSchema.safeParse(flags.measure);
      if (measure && !measure.success) throw new CliError(`--measure ${flags.measure}: choose jobs, counters or purchases`, 2);
      if ([flags.json, flags.csv, flags.pdf !== undefined].filter(Boolean).length > 1) throw new CliError('--json, --csv and --pdf: choose one', 2);
      if (flags.sjis && !flags.csv) throw new CliError('--sjis goes with --csv', 2);
      // The PDF is the year's evaluation, on the measure its settings name, like GET /api/kpi/evaluation.pdf.
      if (flags.pdf !== undefined && measure) throw new CliError('--measure does not go with --pdf (the evaluation uses the measure the year is set to)', 2);
      const { db } = openDataFolder(flags.data);
      try {
        let built;
        try {
          built = createKpiReports(db, systemClock).build(flags.fy, measure?.data);
        } catch (err) {
          if (err instanceof AppError && err.code === 'validation') throw new CliError(`--fy ${flags.fy}: ${err.message}`);
          throw err;
        }
        if (flags.json) {
          console.log(JSON.stringify(built.report, null, 2));
          return;
        }
        if (flags.csv) {
          // The whole table: the paperless row from the data, then the KPIs typed in for the year.
          const csv = evaluationCsv(evaluationOf(createEvaluationRepo(db, systemClock).get(flags.fy), built.kpi, 'ja'), 'ja');
          process.stdout.write(flags.sjis ? encodeShiftJis(csv) : encodeUtf8WithBom(csv));
          return;
        }
        if (flags.pdf !== undefined) {
          const file = resolve(flags.pdf);
          const pdf = await evaluationPdf(db, systemClock, flags.fy);
          try {
            writeFileSync(file, pdf);
          } catch (err) {
            throw new CliError(`--pdf ${flags.pdf}: ${(err as Error).message}`);
          }
          console.log(`${built.report.label} 評価: ${file} (${Math.ceil(pdf.byteLength / 1024)} KB)`);
          return;
        }
        printText(built.report);
      } finally {
        db.close();
      }
    });
}
