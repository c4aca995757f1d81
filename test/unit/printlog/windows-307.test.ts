import { describe, expect, it } from 'vitest';
import type { ParseEvent } from '../../../shared/domain/printlog/format.js';
import {
  HOLD_MARGIN_MS,
  parse307Message,
  parseExportedTime,
  parseSystemTime,
  windows307,
} from '../../../shared/domain/printlog/formats/windows-307.js';
import type { PrintJob } from '../../../shared/domain/printlog/job.js';
import { fiscalYearOf } from '../../../shared/domain/wareki.js';
import { jobsOf, loadExpected, parseFixture, readFixtureLines, runParser, summarize } from '../../helpers/printlog-fixtures.js';

const FIXTURE = 'windows-307/printservice-307.xml';
const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const SPOOLER_NS = 'http://manifests.microsoft.com/win/2005/08/windows/printing/spooler/core/events';

interface E307 {
  job: number;
  time: string;
  pages: number | string;
  computer?: string;
  document?: string;
  user?: string;
  client?: string;
  printer?: string;
}

function event307(e: E307): string {
  return `<Event xmlns="${NS}"><System><Provider Name="Microsoft-Windows-PrintService"/><EventID>307</EventID><TimeCreated SystemTime="${e.time}"/>`
    + `<Computer>${e.computer ?? 'PRTSRV01'}</Computer></System><UserData><DocumentPrinted xmlns="${SPOOLER_NS}">`
    + `<Param1>${e.job}</Param1><Param2>${e.document ?? 'doc.pdf'}</Param2><Param3>${e.user ?? 'yamada'}</Param3><Param4>${e.client ?? '\\\\PC01'}</Param4>`
    + `<Param5>${e.printer ?? 'PRN-01'}</Param5><Param6>IP_10.0.0.5</Param6><Param7>1234</Param7><Param8>${e.pages}</Param8></DocumentPrinted></UserData></Event>`;
}

function event805(e: { job: number; time: string; copies: number | string; color?: number; computer?: string }): string {
  return `<Event xmlns="${NS}"><System><Provider Name="Microsoft-Windows-PrintService"/><EventID>805</EventID><TimeCreated SystemTime="${e.time}"/>`
    + `<Computer>${e.computer ?? 'PRTSRV01'}</Computer></System><UserData><RenderJobDiag xmlns="${SPOOLER_NS}">`
    + `<JobId>${e.job}</JobId><GdiJobSize>1234</GdiJobSize><ICMMethod>1</ICMMethod><Color>${e.color ?? 1}</Color><XRes>600</XRes><YRes>600</YRes>`
    + `<Quality>600</Quality><Copies>${e.copies}</Copies><TTOption>3</TTOption></RenderJobDiag></UserData></Event>`;
}

const run = (lines: readonly string[]) => runParser(windows307, lines);
const byTime = (jobs: PrintJob[]) => [...jobs].sort((a, b) => a.time.localeCompare(b.time) || a.document.localeCompare(b.document));

/** The fixture's single line cut into its events (it is written with a <root> element, all on line 1). */
function fixtureEvents(): string[] {
  const [line] = readFixtureLines(FIXTURE);
  return (line ?? '').match(/<Event [\s\S]*?<\/Event>/g) ?? [];
}

describe('windows-307 fixture', () => {
  const expected = loadExpected()[FIXTURE];

  it('counts jobs, pages and sheets per fiscal year as expected.json says', () => {
    const { summary } = parseFixture(windows307, FIXTURE);
    expect(expected).toBeDefined();
    expect(summary.jobs).toBe(expected?.jobs);
    expect(summary.pages).toBe(expected?.pages);
    expect(summary.sheets).toBe(expected?.sheets);
    expect(summary.byFiscalYear).toEqual(expected?.byFiscalYear);
    expect(summary.rejected).toEqual(expected?.rejected);
  });

  it('puts the event at 2024-03-31T15:30Z (1 April in Tokyo) in FY2024', () => {
    const jobs = jobsOf(parseFixture(windows307, FIXTURE).events);
    const late = jobs.find((j) => j.time === '2024-03-31T15:30:00.000Z');
    expect(late).toBeDefined();
    expect(fiscalYearOf(late?.time ?? '')).toBe(2024);
  });

  it('reads each field of event 307: client without \\\\, one copy, sides and colour unknown', () => {
    const jobs = byTime(jobsOf(parseFixture(windows307, FIXTURE).events));
    expect(jobs[0]).toEqual({
      time: '2024-03-31T11:08:10.000Z',
      user: 'takahashi-m',
      printer: 'HONCHO-ZAISEI-MFP01',
      client: 'PC-GEIHOKU-001',
      document: '回覧～全職員.pdf',
      pages: 10,
      sheets: 10,
      copies: 1,
      sides: null,
      nUp: 1,
      color: null,
      paperSize: '',
    });
    for (const j of jobs) expect(j.sheets).toBe(j.pages);
  });
});

describe('windows-307 XML layouts', () => {
  const reference = byTime(jobsOf(parseFixture(windows307, FIXTURE).events));
  const events = fixtureEvents();

  it('has the 21 events to reshape', () => {
    expect(events).toHaveLength(21);
  });

  it('reads the events without a root element, one per line (wevtutil without /e:root)', () => {
    const out = run(events);
    expect(byTime(jobsOf(out))).toEqual(reference);
    expect(out.filter((e) => e.kind === 'job').map((e) => e.line).sort((a, b) => a - b)).toEqual(events.map((_, i) => i + 1));
  });

  it('reads them all on one line without a root element', () => {
    expect(byTime(jobsOf(run([events.join('')])))).toEqual(reference);
  });

  it('reads them pretty-printed over many lines, under <?xml?> and <Events>, reporting each job at the line its <Event> starts', () => {
    const pretty = ['<?xml version="1.0" encoding="UTF-16"?>', '<Events>'];
    const starts: number[] = [];
    for (const e of events) {
      starts.push(pretty.length + 1);
      pretty.push(...e.replace(/></g, '>\n<').split('\n').map((l) => `  ${l}`));
    }
    pretty.push('</Events>');
    const out = run(pretty);
    expect(byTime(jobsOf(out))).toEqual(reference);
    expect(out.filter((e) => e.kind === 'job').map((e) => e.line).sort((a, b) => a - b)).toEqual(starts);
  });

  it('reads an event whose start tag and attributes are split across lines', () => {
    const xml = event307({ job: 4, time: '2024-05-01T01:00:00.0000000Z', pages: 3 });
    const split = xml.replace('<Event xmlns=', '<Event\n   xmlns=').replace('<TimeCreated SystemTime=', '<TimeCreated\nSystemTime=').split('\n');
    expect(jobsOf(run(split))).toMatchObject([{ pages: 3, time: '2024-05-01T01:00:00.000Z' }]);
  });

  it('decodes entities and CDATA in names', () => {
    const xml = event307({ job: 1, time: '2024-05-01T01:00:00Z', pages: 1, document: 'A &amp; B &lt;draft&gt; &#x2460;&#12354;', user: '<![CDATA[o&apos;brien]]>' });
    expect(jobsOf(run([xml]))).toMatchObject([{ document: 'A & B <draft> ①あ', user: 'o&apos;brien' }]);
  });

  it('skips other event IDs in the same export', () => {
    const other = event307({ job: 1, time: '2024-05-01T01:00:00Z', pages: 1 }).replace('<EventID>307</EventID>', '<EventID>372</EventID>');
    expect(run([other])).toEqual([]);
  });
});

describe('windows-307 rejects', () => {
  it('rejects a 307 whose page count is not a whole number, at the line its event starts', () => {
    const out = run(['<Events>', event307({ job: 1, time: '2024-05-01T01:00:00Z', pages: 'abc' }), event307({ job: 2, time: '2024-05-01T01:01:00Z', pages: -2 }), '</Events>']);
    expect(out.filter((e) => e.kind === 'reject').map((e) => e.line)).toEqual([2, 3]);
    expect(out.find((e) => e.kind === 'reject')).toMatchObject({ reason: expect.stringContaining("Param8 (pages printed) 'abc'") });
  });

  it('rejects a 307 without a time, or with an impossible one', () => {
    const out = run([
      event307({ job: 1, time: '2024-02-30T01:00:00Z', pages: 1 }),
      event307({ job: 2, time: '', pages: 1 }).replace(/<TimeCreated[^>]*\/>/, ''),
    ]);
    expect(out.map((e) => (e.kind === 'reject' ? e.line : 0))).toEqual([1, 2]);
  });

  it('rejects an event the file ends inside of, and keeps what came before', () => {
    const whole = event307({ job: 1, time: '2024-05-01T01:00:00Z', pages: 5 });
    const cut = event307({ job: 2, time: '2024-05-01T01:05:00Z', pages: 5 }).slice(0, 200);
    const out = run([whole, cut]);
    expect(summarize(out)).toMatchObject({ jobs: 1, pages: 5, rejected: [2] });
    expect(out.find((e) => e.kind === 'reject')).toMatchObject({ reason: expect.stringContaining('ends inside an <Event>') });
  });
});

describe('windows-307 joined with event 805 (copies and colour)', () => {
  const r805 = event805({ job: 7, time: '2024-05-01T01:00:00.1000000Z', copies: 3, color: 2 });
  const p307 = event307({ job: 7, time: '2024-05-01T01:00:04.0000000Z', pages: 4 });
  const joined = { pages: 12, sheets: 12, copies: 3, color: true, sides: null };

  it('805 before 307 (wevtutil, oldest first): pages = Param8 × copies, emitted as soon as the 307 arrives', () => {
    const parser = windows307.createParser({ timeZone: 'Asia/Tokyo' });
    expect(parser.push(r805, 1)).toEqual([]);
    expect(parser.pendingSince()).toBe(1);
    const out = parser.push(p307, 2);
    expect(jobsOf(out)).toMatchObject([joined]);
    expect(out[0]?.line).toBe(2);
    expect(parser.pendingSince()).toBeNull();
    expect(parser.end()).toEqual([]);
  });

  it('307 before 805 (Get-WinEvent, newest first): the 307 is held, then joined', () => {
    const parser = windows307.createParser({ timeZone: 'Asia/Tokyo' });
    expect(parser.push(p307, 1)).toEqual([]);
    expect(parser.pendingSince()).toBe(1);
    const out = parser.push(r805, 2);
    expect(jobsOf(out)).toMatchObject([joined]);
    expect(out[0]?.line).toBe(1);
    expect(parser.pendingSince()).toBeNull();
  });

  it('gives the same jobs in either order, inside one <Events> document', () => {
    const a = event805({ job: 1, time: '2024-05-01T01:00:00Z', copies: 2, color: 1 });
    const b = event307({ job: 1, time: '2024-05-01T01:00:03Z', pages: 5 });
    const c = event805({ job: 2, time: '2024-05-01T01:10:00Z', copies: 1, color: 2 });
    const d = event307({ job: 2, time: '2024-05-01T01:10:02Z', pages: 9 });
    const forward = jobsOf(run([`<Events>${a}${b}${c}${d}</Events>`]));
    const backward = jobsOf(run([`<Events>${d}${c}${b}${a}</Events>`]));
    expect(byTime(forward)).toEqual(byTime(backward));
    expect(byTime(forward)).toMatchObject([
      { pages: 10, sheets: 10, copies: 2, color: false },
      { pages: 9, sheets: 9, copies: 1, color: true },
    ]);
  });

  it('does not join a reused job id outside the window, nor across computers', () => {
    const out = jobsOf(run([
      event805({ job: 7, time: '2024-05-01T00:00:00Z', copies: 5 }),
      event805({ job: 7, time: '2024-05-01T00:59:59Z', copies: 5, computer: 'OTHER-SRV' }),
      p307,
    ]));
    expect(out).toMatchObject([{ pages: 4, copies: 1, color: null }]);
  });

  it('picks the 805 closest before the 307 when the id was reused', () => {
    const out = jobsOf(run([
      event805({ job: 7, time: '2024-05-01T00:50:00Z', copies: 5 }),
      r805,
      p307,
    ]));
    expect(out).toMatchObject([{ copies: 3 }]);
  });

  it('counts 0 copies (a known driver bug) as one copy', () => {
    const out = jobsOf(run([event805({ job: 7, time: '2024-05-01T01:00:00Z', copies: 0 }), p307]));
    expect(out).toMatchObject([{ pages: 4, copies: 1, color: false }]);
  });

  it('rejects an 805 whose copies are not a number, and still imports the 307', () => {
    const out = run([event805({ job: 7, time: '2024-05-01T01:00:00Z', copies: 'many' }), p307]);
    expect(out.filter((e) => e.kind === 'reject').map((e) => e.line)).toEqual([1]);
    expect(jobsOf(out)).toMatchObject([{ pages: 4, copies: 1 }]);
  });

  it('emits a held 307 without copies once the file has moved on by more than the margin', () => {
    const parser = windows307.createParser({ timeZone: 'Asia/Tokyo' });
    expect(parser.push(p307, 1)).toEqual([]);
    const later = new Date(Date.parse('2024-05-01T01:00:04Z') + HOLD_MARGIN_MS + 60_000).toISOString();
    const out = parser.push(event307({ job: 8, time: later, pages: 1 }), 2);
    expect(jobsOf(out)).toMatchObject([{ pages: 4, copies: 1 }]);
    expect(parser.pendingSince()).toBe(2);
    expect(jobsOf(parser.end())).toMatchObject([{ pages: 1 }]);
    expect(parser.pendingSince()).toBeNull();
  });

  it('reports the line of an open event as pending', () => {
    const parser = windows307.createParser({ timeZone: 'Asia/Tokyo' });
    const lines = p307.replace(/></g, '>\n<').split('\n');
    parser.push('<Events>', 1);
    expect(parser.pendingSince()).toBeNull();
    parser.push(lines[0] ?? '', 2);
    parser.push(lines[1] ?? '', 3);
    expect(parser.pendingSince()).toBe(2);
  });
});

describe('windows-307 from Get-WinEvent | Export-Csv (Message text)', () => {
  const header = '"Message","Id","Version","Qualifiers","Level","Task","Opcode","Keywords","RecordId","ProviderName","ProviderId","LogName","ProcessId","ThreadId","MachineName","UserId","TimeCreated"';
  const row = (message: string, id: number, time: string) =>
    `"${message.replace(/"/g, '""')}","${id}","0",,"4","26","11","-9223372036854773696","1000","Microsoft-Windows-PrintService","747ef6fd-e535-4d16-b510-42c90f6873a1","Microsoft-Windows-PrintService/Operational","2512","1848","PRTSRV01","S-1-5-18","${time}"`;

  it('reads an English export (Windows PowerShell: #TYPE line, en-US times in local time)', () => {
    const out = run([
      '#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord',
      header,
      row('Document 12, Print Document owned by yamada on \\\\PC01 was printed on PRN-01 through port IP_10.0.0.5.  Size in bytes: 1234. Pages printed: 3. No user action is required.', 307, '4/1/2024 9:30:15 AM'),
      row('Rendering job 12.', 805, '4/1/2024 9:30:14 AM'),
      row('Document 13, Budget, v2 owned by sato on \\\\PC02 was printed on HONCHO-MFP 2F through port 10.1.2.3. Size in bytes: 99. Pages printed: 11. No user action is required.', 307, '12/31/2024 11:59:59 PM'),
    ]);
    expect(out.filter((e) => e.kind === 'reject')).toEqual([]);
    expect(out.map((e) => e.line)).toEqual([3, 5]);
    expect(jobsOf(out)).toEqual([
      { time: '2024-04-01T00:30:15.000Z', user: 'yamada', printer: 'PRN-01', client: 'PC01', document: 'Print Document', pages: 3, sheets: 3, copies: 1, sides: null, nUp: 1, color: null, paperSize: '' },
      { time: '2024-12-31T14:59:59.000Z', user: 'sato', printer: 'HONCHO-MFP 2F', client: 'PC02', document: 'Budget, v2', pages: 11, sheets: 11, copies: 1, sides: null, nUp: 1, color: null, paperSize: '' },
    ]);
  });

  it('reads a Japanese export (PowerShell 7: no #TYPE, ja-JP times)', () => {
    const out = run([
      header,
      row('ドキュメント 12, 文書名 (所有者: yamada) が \\\\PC01 上で プリンタ名 (ポート: IP_10.0.0.5) に印刷されました。サイズ (バイト): 1234。印刷されたページ数: 3。ユーザーによる操作は不要です。', 307, '2024/04/01 9:30:15'),
      row('ドキュメント 13, 議会答弁書 ①.docx (所有者 tanaka-h) は \\\\PC-SOUMU-012 上の HONCHO-SOUMU-MFP01 (ポート IP_10.1.2.3) で印刷されました。バイト単位のサイズ: 5000。印刷されたページ数: 12。ユーザーの操作は必要ありません。', 307, '2024/03/31 23:59:59'),
    ]);
    expect(out.filter((e) => e.kind === 'reject')).toEqual([]);
    expect(jobsOf(out)).toMatchObject([
      { time: '2024-04-01T00:30:15.000Z', user: 'yamada', printer: 'プリンタ名', client: 'PC01', document: '文書名', pages: 3, sheets: 3 },
      { time: '2024-03-31T14:59:59.000Z', user: 'tanaka-h', printer: 'HONCHO-SOUMU-MFP01', client: 'PC-SOUMU-012', document: '議会答弁書 ①.docx', pages: 12 },
    ]);
  });

  it('keeps reading after another event whose message spans lines', () => {
    const multi = row('The document Print Document owned by yamada failed to print.\nWin32 error code returned by the print processor: 5.\nAccess is denied.', 372, '4/1/2024 9:00:00 AM').split('\n');
    const out = run([header, ...multi, row('Document 1, a owned by u on \\\\PC was printed on P through port X. Size in bytes: 1. Pages printed: 2. No user action is required.', 307, '4/1/2024 9:01:00 AM')]);
    expect(out).toMatchObject([{ kind: 'job', line: 5, job: { pages: 2 } }]);
  });

  it('rejects a 307 row whose message or time cannot be read', () => {
    const out = run([
      header,
      row('Dokument 12, gedruckt.', 307, '4/1/2024 9:30:15 AM'),
      row('Document 1, a owned by u on \\\\PC was printed on P through port X. Size in bytes: 1. Pages printed: 2.', 307, '01/02/2024 10:00:00'),
    ]);
    expect(out).toMatchObject([
      { kind: 'reject', line: 2, reason: expect.stringContaining('Message not understood') },
      { kind: 'reject', line: 3, reason: expect.stringContaining('day and month cannot be told apart') },
    ]);
  });

  it('reads times in the exporting culture: en-US, ja-JP, day-first, ISO with offset', () => {
    const tz = 'Asia/Tokyo';
    expect(parseExportedTime('4/1/2024 12:05:00 AM', tz)).toEqual({ iso: '2024-03-31T15:05:00.000Z' });
    expect(parseExportedTime('4/1/2024 12:05:00 PM', tz)).toEqual({ iso: '2024-04-01T03:05:00.000Z' });
    expect(parseExportedTime('2024/04/01 0:05:00', tz)).toEqual({ iso: '2024-03-31T15:05:00.000Z' });
    expect(parseExportedTime('25/04/2024 10:00:00', tz)).toEqual({ iso: '2024-04-25T01:00:00.000Z' });
    expect(parseExportedTime('01.04.2024 10:00:00', tz)).toEqual({ iso: '2024-04-01T01:00:00.000Z' });
    expect(parseExportedTime('2024-04-01T10:00:00.1234567+09:00', tz)).toEqual({ iso: '2024-04-01T01:00:00.123Z' });
    expect(parseExportedTime('2024/02/30 10:00:00', tz)).toMatchObject({ problem: expect.stringContaining('not a real date') });
  });
});

describe('parse307Message', () => {
  it('keeps " on " and " owned by " inside a document name', () => {
    expect(parse307Message('Document 5, Notes on owned by laws owned by ito on \\\\PC-9 was printed on PRN through port USB001. Size in bytes: 10. Pages printed: 1. No user action is required.')).toEqual({
      jobId: '5', document: 'Notes on owned by laws', user: 'ito', client: 'PC-9', printer: 'PRN', pages: 1,
    });
  });

  it('tolerates Japanese wordings: full-width colons and parentheses, 上の/上で, に/で', () => {
    expect(parse307Message('ドキュメント 3, 回覧.pdf（所有者：suzuki）が \\\\PC-1 上の 2F-MFP（ポート：IP_1.2.3.4）で印刷されました。印刷されたページ数：７。')).toMatchObject({
      jobId: '3', document: '回覧.pdf', user: 'suzuki', client: 'PC-1', printer: '2F-MFP', pages: 7,
    });
  });

  it('returns null for text that is not a 307 message', () => {
    expect(parse307Message('Rendering job 12.')).toBeNull();
    expect(parse307Message('ジョブ 12 をレンダリングしています。')).toBeNull();
  });
});

describe('parseSystemTime', () => {
  it('reads 7 fractional digits and Z, and refuses impossible dates', () => {
    expect(parseSystemTime('2024-03-31T15:30:00.0000000Z')).toBe(Date.UTC(2024, 2, 31, 15, 30));
    expect(parseSystemTime('2024-03-31T15:30:00.9999999Z')).toBe(Date.UTC(2024, 2, 31, 15, 30, 0, 999));
    expect(parseSystemTime('2024-04-31T00:00:00Z')).toBeNull();
    expect(parseSystemTime('yesterday')).toBeNull();
  });
});

describe('windows-307 detection', () => {
  const xml = event307({ job: 1, time: '2024-05-01T01:00:00Z', pages: 1 });
  it.each([
    ['wevtutil /e:root', ['<root>' + xml]],
    ['wevtutil without a root', [xml]],
    ['<Events>, pretty', ['<?xml version="1.0"?>', '<Events>', '  <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">', '    <System>', '      <EventID>307</EventID>']],
    ['a BOM on line 1', ['\uFEFF' + xml]],
  ])('%s', (_name, head) => {
    expect(windows307.detect(head)).toMatchObject({ confidence: 95 });
  });

  it('takes a Get-WinEvent CSV with a 307 row, and says which line', () => {
    const d = windows307.detect([
      '#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord',
      '"Message","Id","TimeCreated"',
      '"Document 1, a owned by u on \\\\PC was printed on P through port X. Size in bytes: 1. Pages printed: 2.","307","4/1/2024 9:01:00 AM"',
    ]);
    expect(d).toEqual({ confidence: 90, reason: expect.stringMatching(/^line 2 is a Get-WinEvent CSV header .* line 3 /) });
  });

  it('is unsure of a Windows event file without PrintService events, and refuses other files', () => {
    expect(windows307.detect(['<Events>', '<Event xmlns="x"><System><EventID>4624</EventID>'])?.confidence).toBe(60);
    expect(windows307.detect(['印刷日時,ユーザー名,ページ数', '2024/10/01 08:26:10,yamada,1'])).toBeNull();
    expect(windows307.detect([])).toBeNull();
  });
});

describe('windows-307 parser mode', () => {
  it('ignores blank lines before the first one and picks XML or CSV from it', () => {
    const events: ParseEvent[] = run(['', '  ', event307({ job: 1, time: '2024-05-01T01:00:00Z', pages: 2 })]);
    expect(events).toMatchObject([{ kind: 'job', line: 3 }]);
  });
});
