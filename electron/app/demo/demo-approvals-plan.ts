import type { Retention, ResubmitPolicy, StepKind } from '../../../shared/domain/approval/index.js';

/**
 * The demo town's e-approval (電子決裁) data as a plan: document numbering
 * prefixes, document types with their routes and 専決 bands, standing proxies,
 * and the cases with what happens to each. Data only; demo-approvals.ts runs
 * it through the real case service.
 *
 * People are named by post (`'ZAISEI/主事'`: the first holder of the post in
 * demo-town.ts), days in working days before the demo is made (1 = the last
 * working day before today), so the plan reads the same whatever the date.
 */

/** 文書番号 prefixes: 北広総第12号. A 係's cases take its 課's; 部 have none (their cases are rare). */
export const demoDocPrefixes: Record<string, string> = {
  SOMU: '北広総',
  ZAISEI: '北広財',
  KIKAKU: '北広企',
  CHOMIN: '北広町民',
  ZEIMU: '北広税',
  FUKUSHI: '北広福',
  HOKEN: '北広保',
  NORIN: '北広農',
  SHOKO: '北広商',
  KENSETSU: '北広建',
  KAIKEI: '北広会',
  'GEIHOKU-SS': '北広芸支',
  'OASA-SS': '北広大支',
  'TOYOHIRA-SS': '北広豊支',
};

// ---------------------------------------------------------------------------
// Document types
// ---------------------------------------------------------------------------

/** Who a step goes to, by names: the drafter's 課長, 財政課長, the 副町長. */
export type DemoAssignee = { chain: string } | { department: string; position: string } | { office: string };

export interface DemoTemplateStep {
  key: string;
  kind: StepKind;
  assignee: DemoAssignee;
  optional: boolean;
  blocking?: boolean;
}

export interface DemoTemplateStage {
  key: string;
  mode: 'all' | 'any';
  steps: DemoTemplateStep[];
}

export interface DemoDocumentType {
  code: string;
  name: string;
  retention: Retention;
  stages: DemoTemplateStage[];
  /** 専決規程: below `below` yen the step `step` decides. */
  bands: { below: number | null; step: string; label: string }[];
  amountRequired: boolean;
  allowAddedConsult: boolean;
  resubmit: ResubmitPolicy;
}

const single = (key: string, kind: StepKind, assignee: DemoAssignee, optional: boolean): DemoTemplateStage => ({
  key,
  mode: 'all',
  steps: [{ key, kind, assignee, optional }],
});

// The chain posts are optional: a small 課 has no 係長 or 課長補佐, a 支所 has a 支所長 and no 課長,
// 会計課 and the 支所 belong to no 部. A vacant deciding post passes the decision up (支所長 for 課長専決).
const kakaricho = single('kakaricho', 'approve', { chain: '係長' }, true);
const hosa = single('hosa', 'approve', { chain: '課長補佐' }, true);
const kacho = single('kacho', 'approve', { chain: '課長' }, true);
const shishocho = single('shishocho', 'approve', { chain: '支所長' }, true);
const bucho = single('bucho', 'approve', { chain: '部長' }, true);
const fuku = single('fuku', 'approve', { office: '副町長' }, false);
const chocho = single('chocho', 'final', { office: '町長' }, false);
const zaiseiConsult: DemoTemplateStep = { key: 'zaisei', kind: 'consult', assignee: { department: 'ZAISEI', position: '課長' }, optional: false };
const kaikeiConsult: DemoTemplateStep = { key: 'kaikei', kind: 'consult', assignee: { department: 'KAIKEI', position: '課長' }, optional: false };

/** Spending bands of a small town's 専決規程 (the seed's example). */
const spendingBands = (kachoBelow: number, buchoBelow: number, fukuBelow: number) => [
  { below: kachoBelow, step: 'kacho', label: '課長専決' },
  { below: buchoBelow, step: 'bucho', label: '部長専決' },
  { below: fukuBelow, step: 'fuku', label: '副町長決裁' },
  { below: null, step: 'chocho', label: '町長決裁' },
];

export const demoDocumentTypes: DemoDocumentType[] = [
  {
    code: 'SHISHUTSU',
    name: '支出負担行為',
    retention: '5',
    // 財政課長 合議 from 部長専決 up: 課長専決 spending is cut after the 課長.
    stages: [kakaricho, hosa, kacho, shishocho, { key: 'zaisei', mode: 'all', steps: [zaiseiConsult] }, bucho, fuku, chocho],
    bands: spendingBands(500_000, 5_000_000, 10_000_000),
    amountRequired: true,
    allowAddedConsult: true,
    resubmit: 'restart',
  },
  {
    code: 'KEIYAKU',
    name: '契約',
    retention: '10',
    // Every contract goes to 財政課 and 会計課 (in parallel) before the 課長.
    stages: [kakaricho, hosa, { key: 'gogi', mode: 'all', steps: [zaiseiConsult, kaikeiConsult] }, kacho, shishocho, bucho, fuku, chocho],
    bands: spendingBands(2_000_000, 10_000_000, 50_000_000),
    amountRequired: true,
    allowAddedConsult: true,
    resubmit: 'resume_at_sender',
  },
  {
    code: 'KAITO',
    name: '通知・照会への回答',
    retention: '1',
    stages: [kakaricho, kacho, shishocho],
    bands: [{ below: null, step: 'kacho', label: '課長専決' }],
    amountRequired: false,
    allowAddedConsult: false,
    resubmit: 'restart',
  },
  {
    code: 'REIKI',
    name: '例規改正',
    retention: 'permanent',
    stages: [
      kakaricho, hosa, kacho, shishocho,
      { key: 'homu', mode: 'all', steps: [{ key: 'bunsho', kind: 'consult', assignee: { department: 'SOMU-BUNSHO', position: '係長' }, optional: false }] },
      bucho, fuku, chocho,
    ],
    bands: [{ below: null, step: 'chocho', label: '町長決裁' }],
    amountRequired: false,
    allowAddedConsult: true,
    resubmit: 'resume_at_sender',
  },
  {
    code: 'HOJOKIN',
    name: '補助金交付',
    retention: '5',
    stages: [kakaricho, hosa, kacho, shishocho, { key: 'zaisei', mode: 'all', steps: [zaiseiConsult] }, bucho, fuku, chocho],
    bands: spendingBands(1_000_000, 5_000_000, 10_000_000),
    amountRequired: true,
    allowAddedConsult: true,
    resubmit: 'restart',
  },
  {
    code: 'KOHO',
    name: '広報掲載',
    retention: '1',
    // 企画課 (広報担当) 合議, then 総務課長 for information: the route does not wait for that 供覧.
    stages: [
      kakaricho,
      single('kikaku', 'consult', { department: 'KIKAKU', position: '課長' }, false),
      { key: 'somu', mode: 'all', steps: [{ key: 'somu', kind: 'inform', assignee: { department: 'SOMU', position: '課長' }, optional: false, blocking: false }] },
      kacho, shishocho,
    ],
    bands: [{ below: null, step: 'kacho', label: '課長専決' }],
    amountRequired: false,
    allowAddedConsult: false,
    resubmit: 'restart',
  },
  {
    code: 'KYUKA',
    name: '休暇・服務',
    retention: '3',
    stages: [kakaricho, kacho, shishocho],
    bands: [{ below: null, step: 'kacho', label: '課長専決' }],
    amountRequired: false,
    allowAddedConsult: false,
    resubmit: 'restart',
  },
];

// ---------------------------------------------------------------------------
// Standing proxies (代理)
// ---------------------------------------------------------------------------

export interface DemoProxy {
  principal: string;
  proxy: string;
  /** Working days from today: negative before, positive after. */
  from: number;
  to: number;
  reason: string;
  /** Working days before today the proxy was registered (by the principal). */
  setOn: number;
}

export const demoProxies: DemoProxy[] = [
  // In force now: the 建設課長 decides for the 産業建設部長 and sees the 部長's inbox.
  { principal: 'SANGYO-BU/部長', proxy: 'KENSETSU/課長', from: -4, to: 10, reason: '入院加療のため', setOn: 5 },
  // Over: the 課長補佐 acted as 福祉課長 for a week.
  { principal: 'FUKUSHI/課長', proxy: 'FUKUSHI/課長補佐', from: -16, to: -12, reason: '県外研修（市町村アカデミー）のため', setOn: 18 },
  // Still to come.
  { principal: 'SOMU/町長', proxy: 'SOMU/副町長', from: 5, to: 7, reason: '海外出張（友好交流事業）のため', setOn: 2 },
];

// ---------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------

/**
 * What happens to a case after it is drafted (and, unless a draft, submitted):
 * - `until`: each pending approver in turn does their step's action until the step `key` waits;
 * - `finish`: the same until the case is decided;
 * - `act`: the current approver's one action (default: the one their step asks for), themself,
 *   through their standing proxy (代理), or by a deputy (代決: the 後閲 task follows);
 * - the drafter's `recall` / approver's (`by: 'last'`), `withdraw`, `edit`, `resubmit`, `enforce`;
 * - `review`: the absent approver's 後閲; `acknowledge`: an open 供覧; `comment`.
 * `notBefore`: not earlier than that many working days before today (for proxies in force).
 */
export type DemoOp = { notBefore?: number } & (
  | { do: 'until'; key: string }
  | { do: 'finish' }
  | { do: 'act'; action?: 'disagree' | 'reject' | 'send_back'; via?: 'proxy' | 'deputy'; comment?: string; reason?: string; toKey?: string }
  | { do: 'recall'; by: 'drafter' | 'last' }
  | { do: 'withdraw'; comment: string }
  | { do: 'edit'; amount?: number; note: string }
  | { do: 'resubmit' }
  | { do: 'enforce' }
  | { do: 'review'; comment: string }
  | { do: 'acknowledge' }
  | { do: 'comment'; by: 'drafter' | 'current'; text: string }
);

export interface DemoCase {
  drafter: string;
  type: string;
  /** `{R}`: the fiscal year in 令和 (令和8年度). */
  title: string;
  amount: number | null;
  /** `{amount}`, `{R}`, `{R+1}` (next calendar year in 令和), `{+N}` (N working days after drafting, 12月3日（木）). */
  body: string;
  consult?: string[];
  /** Drafted this many working days before today. */
  start: number;
  draft?: boolean;
  ops: DemoOp[];
}

/** A 起案 body's numbered items (記), in the office's style: 全角 spaces between number, heading and text. */
const Z = '\u3000';
const items = (...rows: [string, string][]): string => rows.map(([heading, text], i) => `${i + 1}${Z}${heading}${Z}${text}`).join('\n');

const spending = (purpose: string, content: string, vendor: string, account: string): string =>
  `標記のことについて、下記のとおり支出負担行為をしてよろしいか伺います。\n\n記\n\n${items(
    ['目的', purpose],
    ['内容', content],
    ['金額', '{amount}円（消費税及び地方消費税を含む。）'],
    ['相手方', vendor],
    ['予算科目', account],
  )}`;

const contract = (place: string, period: string, method: string, vendor: string, note = ''): string =>
  `標記のことについて、下記のとおり契約を締結してよろしいか伺います。\n\n記\n\n${items(
    ['履行場所', place],
    ['履行期間', period],
    ['契約方法', method],
    ['契約金額', '{amount}円（消費税及び地方消費税を含む。）'],
    ['契約の相手方', vendor],
  )}${note === '' ? '' : `\n\n※${note}`}`;

const answer = (from: string, summary: string, due: string): string =>
  `${from}から照会のあった標記のことについて、別紙のとおり回答してよろしいか伺います。\n\n${items(['照会の概要', summary], ['回答期限', due])}`;

const regulation = (reason: string, effective: string): string =>
  `標記のことについて、別紙改正文（案）及び新旧対照表のとおり改正したいので伺います。\n\n${items(
    ['改正理由', reason],
    ['施行期日', effective],
    ['添付資料', '改正文（案）、新旧対照表、関係法令の抜粋'],
  )}`;

const subsidy = (applicant: string, project: string, rule: string): string =>
  `${applicant}から提出のあった補助金交付申請書を審査した結果、適当と認められるので、下記のとおり交付決定してよろしいか伺います。\n\n記\n\n${items(
    ['補助事業者', applicant],
    ['補助事業', project],
    ['交付決定額', '{amount}円'],
    ['根拠', `北広島町補助金等交付規則、${rule}`],
  )}`;

const publicity = (content: string, page: string): string =>
  `広報きたひろしま次号に下記の記事を掲載したいので、よろしいか伺います。\n\n記\n\n${items(['記事の内容', content], ['掲載希望', page], ['原稿', '別添のとおり'])}`;

const leave = (kind: string, period: string, reason: string): string =>
  `下記のとおり${kind}を取得したいので届け出ます。\n\n記\n\n${items(['期間', period], ['事由', reason])}`;

export const demoCases: DemoCase[] = [
  // ── In progress: at least one case waits for every approver ──────────────
  {
    drafter: 'SOMU-JINJI/主事', type: 'KYUKA', title: '年次有給休暇の取得について（届）', amount: null, start: 1, ops: [],
    body: leave('年次有給休暇', '{+6}から{+7}まで（2日間）', '私事のため'),
  },
  {
    drafter: 'SOMU-BUNSHO/主査', type: 'KAITO', title: '「公文書管理の電子化に関する実態調査」への回答について', amount: null, start: 2, ops: [],
    body: answer('広島県総務局', '文書管理システム及び電子決裁の導入状況、紙文書の年間保存量', '{+8}'),
  },
  {
    drafter: 'ZAISEI/主事', type: 'SHISHUTSU', title: '財務会計システム機器保守点検業務に係る支出負担行為について', amount: 330_000, start: 1, ops: [],
    body: spending('財務会計システムの安定稼働を図るため', 'サーバ及び周辺機器の定期保守点検（下期分）', '株式会社千代田情報システム', '一般会計 総務費 総務管理費 財政管理費 委託料'),
  },
  {
    drafter: 'KIKAKU-DX/主事', type: 'KEIYAKU', title: '庁内無線LANアクセスポイント更新業務の契約について', amount: 1_870_000, start: 3, ops: [],
    body: contract('北広島町役場本庁舎', '契約締結の日から年度末まで', '随意契約（見積合せ・3者）', '株式会社千代田情報システム'),
  },
  {
    drafter: 'CHOMIN/主事', type: 'KAITO', title: '住民基本台帳事務の処理状況に関する照会への回答について', amount: null, start: 2, ops: [],
    body: answer('広島県環境県民局', '転入・転出届の処理件数及びマイナンバーカードの交付状況', '{+7}'),
  },
  {
    drafter: 'ZEIMU/主任', type: 'SHISHUTSU', title: '軽自動車税（種別割）納税通知書用封筒の印刷製本に係る支出負担行為について', amount: 418_000, start: 1, ops: [],
    body: spending('次年度の軽自動車税（種別割）の賦課事務に用いるため', '窓あき封筒（長3）12,000枚の印刷', '有限会社千代田印刷', '一般会計 総務費 徴税費 賦課徴収費 印刷製本費'),
  },
  {
    drafter: 'KENSETSU/主事', type: 'KEIYAKU', title: '町道川井線舗装補修工事の請負契約について', amount: 8_250_000, start: 4, ops: [],
    body: contract('北広島町川井地内', '契約締結の日の翌日から90日間', '指名競争入札（5者指名）', '株式会社山県土木'),
  },
  {
    drafter: 'SOMU-JINJI/主事', type: 'KEIYAKU', title: '職員定期健康診断業務の委託契約について', amount: 1_452_000, start: 5, ops: [{ do: 'until', key: 'hosa' }],
    body: contract('北広島町役場本庁舎及び各支所', '契約締結の日から年度末まで', '随意契約（地方自治法施行令第167条の2第1項第2号）', '公益財団法人ひろしま健康づくり協会'),
  },
  {
    drafter: 'FUKUSHI/主事', type: 'HOJOKIN', title: '北広島町老人クラブ連合会活動費補助金の交付決定について', amount: 620_000, start: 2, ops: [],
    body: subsidy('北広島町老人クラブ連合会', '高齢者の生きがいづくり及び健康づくり活動', '北広島町老人クラブ活動費補助金交付要綱'),
  },
  {
    drafter: 'SOMU-BUNSHO/主査', type: 'SHISHUTSU', title: '例規集データベース追録更新に係る支出負担行為について', amount: 286_000, start: 7, ops: [{ do: 'until', key: 'kacho' }],
    body: spending('例規集データベースを最新の状態に保つため', '例規集データベースの追録更新（第3四半期分）', '株式会社法規データサービス', '一般会計 総務費 総務管理費 文書広報費 委託料'),
  },
  {
    drafter: 'NORIN/主事', type: 'SHISHUTSU', title: '有害鳥獣捕獲用箱わな購入に係る支出負担行為について', amount: 1_320_000, start: 6, ops: [{ do: 'until', key: 'zaisei' }],
    body: spending('イノシシ・シカによる農作物被害を防止するため', '箱わな（大型）20基の購入', '有限会社芸北農機', '一般会計 農林水産業費 農業費 農業振興費 備品購入費'),
  },
  {
    drafter: 'HOKEN/主査', type: 'KOHO', title: '特定健康診査・がん検診の受診勧奨記事の広報掲載について', amount: null, start: 3, ops: [],
    body: publicity('特定健康診査・がん検診の追加日程と申込方法（千代田保健センター）', '2ページ（半ページ）'),
  },
  {
    drafter: 'CHOMIN/会計年度任用職員', type: 'KYUKA', title: '年次有給休暇の取得について（届）', amount: null, start: 4, ops: [{ do: 'until', key: 'kacho' }],
    body: leave('年次有給休暇', '{+3}（1日間）', '子の学校行事のため'),
  },
  {
    drafter: 'ZEIMU/主任', type: 'KAITO', title: '固定資産の価格等の概要調書に関する照会への回答について', amount: null, start: 5, ops: [{ do: 'until', key: 'kacho' }],
    body: answer('広島県総務局税務課', '土地・家屋の評価替えに係る基礎資料', '{+10}'),
  },
  {
    drafter: 'FUKUSHI/主事', type: 'KAITO', title: '「障害福祉サービス等の提供体制に関する調査」への回答について', amount: null, start: 4, ops: [],
    body: answer('広島県健康福祉局', 'グループホーム及び就労継続支援事業所の定員と利用状況', '{+8}'),
  },
  {
    drafter: 'HOKEN/主査', type: 'SHISHUTSU', title: '高齢者インフルエンザ予防接種委託料に係る支出負担行為について', amount: 2_970_000, start: 2, ops: [],
    body: spending('予防接種法に基づく高齢者インフルエンザ予防接種を実施するため', '町内協力医療機関への接種委託（見込み1,100人分）', '山県郡医師会', '一般会計 衛生費 保健衛生費 予防費 委託料'),
  },
  {
    drafter: 'NORIN/主事', type: 'KAITO', title: '農地の利用状況調査に関する照会への回答について', amount: null, start: 1, ops: [],
    body: answer('北広島町農業委員会', '遊休農地の所在及び面積（{R}調査分）', '{+12}'),
  },
  {
    drafter: 'SHOKO/主任', type: 'KOHO', title: '「きたひろしま冬のイルミネーション」開催記事の広報掲載について', amount: null, start: 3, ops: [{ do: 'until', key: 'kacho' }],
    body: publicity('千代田中央公園のイルミネーション点灯式の日程と会場', '表紙裏（1ページ）'),
  },
  {
    drafter: 'KENSETSU/主事', type: 'SHISHUTSU', title: '道路維持補修用資材（常温合材）購入に係る支出負担行為について', amount: 462_000, start: 3, ops: [{ do: 'until', key: 'kacho' }],
    body: spending('町道の穴埋め等の緊急補修に用いるため', '常温アスファルト合材（20kg）300袋', '株式会社山県建材', '一般会計 土木費 道路橋りょう費 道路維持費 原材料費'),
  },
  {
    drafter: 'KAIKEI/主査', type: 'KAITO', title: '公金収納事務の取扱状況に関する照会への回答について', amount: null, start: 2, ops: [],
    body: answer('指定金融機関', 'コンビニ収納及びスマートフォン決済の取扱件数', '{+5}'),
  },
  {
    drafter: 'SOMU-JINJI/主事', type: 'KEIYAKU', title: '本庁舎空調設備改修工事の請負契約について', amount: 9_680_000, start: 12,
    ops: [{ do: 'until', key: 'bucho' }, { do: 'comment', by: 'drafter', text: '入札結果調書と設計書を添付しています。' }],
    body: contract('北広島町役場本庁舎（3階・4階）', '契約締結の日の翌日から120日間', '指名競争入札（6者指名）', '株式会社千代田設備工業'),
  },
  {
    drafter: 'ZEIMU/主任', type: 'SHISHUTSU', title: '固定資産評価替えに係る標準宅地鑑定評価業務委託料の支出負担行為について', amount: 3_300_000, start: 10, ops: [{ do: 'until', key: 'bucho' }],
    body: spending('次期評価替えに向けて標準宅地の適正な時価を把握するため', '標準宅地110地点の鑑定評価', '広島県不動産鑑定士協同組合', '一般会計 総務費 徴税費 賦課徴収費 委託料'),
  },
  {
    drafter: 'FUKUSHI/主事', type: 'HOJOKIN', title: '北広島町社会福祉協議会運営費補助金の交付決定について', amount: 3_800_000, start: 11, ops: [{ do: 'until', key: 'bucho' }],
    body: subsidy('社会福祉法人北広島町社会福祉協議会', '地域福祉活動の推進及び法人運営', '北広島町社会福祉協議会運営費補助金交付要綱'),
  },
  {
    drafter: 'SHOKO/主任', type: 'HOJOKIN', title: '北広島町観光協会イベント開催事業補助金の交付決定について', amount: 2_500_000, start: 7, ops: [{ do: 'until', key: 'bucho' }],
    body: subsidy('一般社団法人北広島町観光協会', '花田植まつりほか観光イベントの開催', '北広島町観光振興事業補助金交付要綱'),
  },
  {
    drafter: 'GEIHOKU-SS/主事', type: 'SHISHUTSU', title: '芸北地域の除雪用凍結防止剤購入に係る支出負担行為について', amount: 418_000, start: 2, ops: [],
    body: spending('冬期の路面凍結による事故を防止するため', '塩化カルシウム（25kg）400袋', '有限会社芸北農機', '一般会計 土木費 道路橋りょう費 道路維持費 原材料費'),
  },
  {
    drafter: 'OASA-SS/主任', type: 'KAITO', title: '大朝地域自治振興会からの要望書に対する回答について', amount: null, start: 3, ops: [],
    body: answer('大朝地域自治振興会', '旧大朝小学校グラウンドへの夜間照明の設置に関する要望', '{+14}'),
  },
  {
    drafter: 'TOYOHIRA-SS/会計年度任用職員', type: 'KYUKA', title: '年次有給休暇の取得について（届）', amount: null, start: 1, ops: [],
    body: leave('年次有給休暇', '{+4}（午後半日）', '通院のため'),
  },
  {
    drafter: 'CHOMIN/主事', type: 'SHISHUTSU', title: '戸籍情報システム改修委託料の支出負担行為について', amount: 7_480_000, start: 14, consult: ['KIKAKU'], ops: [{ do: 'until', key: 'fuku' }],
    body: spending('戸籍法の改正（氏名の振り仮名の記載）に対応するため', '戸籍情報システムの改修及びデータ移行', '株式会社千代田情報システム', '一般会計 総務費 戸籍住民基本台帳費 戸籍住民基本台帳費 委託料'),
  },
  {
    drafter: 'FUKUSHI/主事', type: 'REIKI', title: '北広島町介護保険条例の一部を改正する条例（案）について', amount: null, start: 16, ops: [{ do: 'until', key: 'chocho' }],
    body: regulation('介護保険法施行令の改正に伴い、第1号被保険者の保険料の段階区分を見直すため', '{R+1}4月1日'),
  },
  {
    drafter: 'KENSETSU/主事', type: 'KEIYAKU', title: '町営住宅長寿命化改修工事（有田団地）の請負契約について', amount: 58_300_000, start: 18,
    ops: [
      { do: 'until', key: 'bucho' },
      { do: 'act', via: 'proxy', notBefore: 3, comment: '部長入院中につき代理で承認します。' },
      { do: 'until', key: 'chocho' },
    ],
    body: contract('北広島町有田地内 町営有田団地', '契約締結の日の翌日から200日間', '一般競争入札', '山県土木・千代田設備工業特定建設工事共同企業体', '議会の議決を要する契約のため、仮契約を締結し次期定例会に提案する。'),
  },
  {
    drafter: 'CHOMIN/主事', type: 'SHISHUTSU', title: 'マイナンバーカード交付予約システム利用料の支出負担行為について', amount: 1_056_000, start: 9,
    ops: [
      { do: 'until', key: 'bucho' },
      { do: 'act', action: 'send_back', toKey: 'kacho', comment: '見積徴取が1者のみです。複数者から見積を徴取しなかった理由を課長の確認のうえ追記してください。' },
    ],
    body: spending('マイナンバーカードの交付予約を24時間受け付けるため', '交付予約システムの利用（12か月分）', '株式会社千代田情報システム', '一般会計 総務費 戸籍住民基本台帳費 戸籍住民基本台帳費 使用料及び賃借料'),
  },
  {
    drafter: 'CHOMIN/主事', type: 'SHISHUTSU', title: '窓口番号案内システム賃借料の支出負担行為について', amount: 594_000, start: 8,
    ops: [
      { do: 'until', key: 'kacho' },
      { do: 'act', action: 'send_back', comment: '賃借期間が4月始まりになっています。契約書（案）と合わせて修正してください。' },
      { do: 'edit', amount: 648_000, note: '賃借期間を修正し、金額を改めました。' },
      { do: 'resubmit' },
    ],
    body: spending('窓口の混雑緩和と待ち時間の短縮のため', '番号案内システム一式の賃借（12か月分）', '有限会社千代田事務機', '一般会計 総務費 戸籍住民基本台帳費 戸籍住民基本台帳費 使用料及び賃借料'),
  },
  {
    drafter: 'CHOMIN/主事', type: 'SHISHUTSU', title: '住民票等交付用改ざん防止用紙の購入に係る支出負担行為について', amount: 187_000, start: 5,
    ops: [{ do: 'act' }, { do: 'recall', by: 'last' }, { do: 'comment', by: 'current', text: '単価を再確認します。' }],
    body: spending('住民票の写し等の偽造を防止するため', '改ざん防止用紙（A4）20,000枚', '有限会社千代田印刷', '一般会計 総務費 戸籍住民基本台帳費 戸籍住民基本台帳費 消耗品費'),
  },
  {
    drafter: 'SOMU-JINJI/主事', type: 'SHISHUTSU', title: '人事給与システム制度改正対応改修委託料の支出負担行為について', amount: 6_820_000, start: 15,
    ops: [{ do: 'until', key: 'bucho' }, { do: 'act', via: 'deputy', reason: '総務部長が病気休暇中のため' }],
    body: spending('地方公務員の給与制度改正に対応するため', '人事給与システムの改修（給料表・手当の改定対応）', '株式会社千代田情報システム', '一般会計 総務費 総務管理費 一般管理費 委託料'),
  },

  // ── Decided: approved and enforced, some by 代理 or 代決 ──────────────────
  {
    drafter: 'FUKUSHI/主事', type: 'SHISHUTSU', title: '福祉タクシー利用券の印刷製本に係る支出負担行為について', amount: 264_000, start: 8,
    ops: [{ do: 'act' }, { do: 'act', via: 'deputy', reason: '課長が県主催の会議に出席のため不在（利用券の発送期限が迫っているため）' }],
    body: spending('高齢者及び障害者の外出を支援するため', '福祉タクシー利用券（綴り）1,200冊の印刷', '有限会社千代田印刷', '一般会計 民生費 社会福祉費 社会福祉総務費 印刷製本費'),
  },
  {
    drafter: 'FUKUSHI/主事', type: 'KAITO', title: '「生活困窮者自立支援制度の実施状況調査」への回答について', amount: null, start: 15,
    ops: [{ do: 'act', via: 'proxy', notBefore: 14 }, { do: 'enforce' }],
    body: answer('広島県健康福祉局', '自立相談支援事業の相談件数及び支援プランの作成状況', '{+6}'),
  },
  {
    drafter: 'SOMU-BUNSHO/主査', type: 'REIKI', title: '北広島町文書管理規程の一部を改正する訓令について', amount: null, start: 26,
    ops: [
      { do: 'until', key: 'chocho' },
      { do: 'act', via: 'deputy', reason: '町長が公務（県町村会）で出張中のため' },
      { do: 'review', comment: '内容を確認しました。' },
      { do: 'enforce' },
    ],
    body: regulation('電子決裁の導入に伴い、決裁及び供覧の方法並びに文書の保存方法を改めるため', '公布の日'),
  },
  {
    drafter: 'KIKAKU-DX/主事', type: 'KOHO', title: '「北広島町公式LINE」友だち登録の呼びかけ記事の広報掲載について', amount: null, start: 9,
    ops: [{ do: 'act' }, { do: 'acknowledge' }, { do: 'finish' }, { do: 'enforce' }],
    body: publicity('町公式LINEで配信する防災・子育て情報と友だち登録の方法', '裏表紙（1ページ）'),
  },
  {
    drafter: 'KAIKEI/主査', type: 'SHISHUTSU', title: '公金取扱手数料（上半期分）の支出負担行為について', amount: 352_000, start: 10, ops: [{ do: 'finish' }],
    body: spending('公金の収納及び支払事務に係る手数料を支払うため', '指定金融機関等の公金取扱手数料（4月～9月分）', '指定金融機関', '一般会計 総務費 総務管理費 会計管理費 役務費'),
  },
  {
    drafter: 'CHOMIN/主事', type: 'KEIYAKU', title: '証明書コンビニ交付サービス利用契約について', amount: 2_640_000, start: 22, ops: [{ do: 'finish' }, { do: 'enforce' }],
    body: contract('全国のコンビニエンスストア（キオスク端末）', '契約締結の日から1年間', '随意契約（地方自治法施行令第167条の2第1項第2号）', '地方公共団体情報システム機構'),
  },
  {
    drafter: 'GEIHOKU-SS/主事', type: 'KAITO', title: '雪害対策の体制に関する照会への回答について', amount: null, start: 17, ops: [{ do: 'finish' }, { do: 'enforce' }],
    body: answer('広島県危機管理監', '除雪体制、孤立のおそれのある集落及び要配慮者の把握状況', '{+5}'),
  },
  {
    drafter: 'HOKEN/主査', type: 'HOJOKIN', title: '北広島町食生活改善推進協議会活動費補助金の交付決定について', amount: 180_000, start: 19, ops: [{ do: 'finish' }, { do: 'enforce' }],
    body: subsidy('北広島町食生活改善推進協議会', '地域の料理教室及び減塩普及活動', '北広島町健康づくり活動補助金交付要綱'),
  },
  {
    drafter: 'ZAISEI/主事', type: 'KYUKA', title: '年次有給休暇の取得について（届）', amount: null, start: 20, ops: [{ do: 'finish' }],
    body: leave('年次有給休暇', '{+2}（1日間）', '私事のため'),
  },
  {
    drafter: 'OASA-SS/主任', type: 'SHISHUTSU', title: '大朝支所公用車のタイヤ交換に係る支出負担行為について', amount: 96_800, start: 12, ops: [{ do: 'finish' }, { do: 'enforce' }],
    body: spending('冬期の安全な公用車の運行のため', 'スタッドレスタイヤ4本の購入及び交換（軽貨物車）', '大朝自動車整備有限会社', '一般会計 総務費 総務管理費 支所費 需用費'),
  },

  // ── Rejected (否決) ─────────────────────────────────────────────────────
  {
    drafter: 'NORIN/主事', type: 'HOJOKIN', title: '農業振興イベント開催事業補助金の交付決定について', amount: 1_200_000, start: 19,
    ops: [{ do: 'until', key: 'bucho' }, { do: 'act', action: 'reject', comment: '補助対象経費に飲食費が含まれており、交付要綱の対象外です。申請者に補正を求めてください。' }],
    body: subsidy('きたひろしま農業振興協議会', '収穫祭及び農産物直売イベントの開催', '北広島町農業振興事業補助金交付要綱'),
  },
  {
    drafter: 'ZEIMU/主任', type: 'KOHO', title: '「e-Taxによる確定申告」案内記事の広報掲載について', amount: null, start: 12,
    ops: [{ do: 'until', key: 'kacho' }, { do: 'act', action: 'reject', comment: '確定申告の案内は1月号で全庁分をまとめて掲載します。本件は掲載しないこととします。' }],
    body: publicity('e-Taxによる確定申告の方法と町の申告相談会の日程', '4ページ（半ページ）'),
  },

  // ── Withdrawn (取下げ) ───────────────────────────────────────────────────
  {
    drafter: 'SHOKO/主任', type: 'SHISHUTSU', title: '商工会館会議室使用料の支出負担行為について', amount: 33_000, start: 13,
    ops: [{ do: 'withdraw', comment: '主催者負担となったため取り下げます。' }],
    body: spending('創業支援セミナーの会場とするため', '商工会館大会議室の使用（2日間）', '北広島町商工会', '一般会計 商工費 商工費 商工振興費 使用料及び賃借料'),
  },
  {
    drafter: 'ZAISEI/主事', type: 'KAITO', title: '地方債の発行予定額に関する照会への回答について', amount: null, start: 6, draft: true,
    ops: [{ do: 'withdraw', comment: '照会が取り消されたため。' }],
    body: answer('広島県総務局', '{R}の地方債の発行予定額及び借入先', '{+4}'),
  },

  // ── Sent back (差戻し・引戻し) ───────────────────────────────────────────
  {
    drafter: 'SHOKO/主任', type: 'SHISHUTSU', title: '観光パンフレット増刷に係る支出負担行為について', amount: 880_000, start: 16,
    ops: [
      { do: 'until', key: 'zaisei' },
      { do: 'act', action: 'disagree', comment: '当初予算の残額を超えています。予算流用の手続を先に行ってください。' },
      { do: 'act', action: 'send_back', comment: '財政課の意見のとおり、流用の手続の後に再度起案してください。' },
    ],
    body: spending('観光客の増加に対応するため', '観光パンフレット（A4・8ページ）30,000部の増刷', '有限会社千代田印刷', '一般会計 商工費 商工費 観光費 印刷製本費'),
  },
  {
    drafter: 'HOKEN/主査', type: 'SHISHUTSU', title: '母子健康手帳の印刷製本に係る支出負担行為について', amount: 275_000, start: 2,
    ops: [{ do: 'recall', by: 'drafter' }],
    body: spending('妊娠届出者に交付するため', '母子健康手帳（副読本付き）300冊の印刷', '有限会社千代田印刷', '一般会計 衛生費 保健衛生費 母子保健費 印刷製本費'),
  },
  {
    drafter: 'KIKAKU-DX/主事', type: 'SHISHUTSU', title: 'RPAソフトウェアライセンス更新料の支出負担行為について', amount: 495_000, start: 5,
    ops: [{ do: 'act' }, { do: 'act', action: 'send_back', comment: '見積書の有効期限が切れています。再見積のうえ再提出してください。' }],
    body: spending('定型業務の自動化を継続するため', 'RPAソフトウェアの年間ライセンス更新（3ライセンス）', '株式会社千代田情報システム', '一般会計 総務費 総務管理費 企画費 使用料及び賃借料'),
  },

  // ── Drafts ────────────────────────────────────────────────────────────
  {
    drafter: 'SOMU-JINJI/主事', type: 'REIKI', title: '北広島町職員の勤務時間、休日及び休暇に関する条例の一部を改正する条例（案）について', amount: null, start: 1, draft: true,
    ops: [{ do: 'edit', note: '人事院規則の改正内容を反映しました。' }],
    body: regulation('国家公務員の休暇制度の改正に準じ、子の看護等休暇の取得事由を拡大するため', '{R+1}4月1日'),
  },
  {
    drafter: 'GEIHOKU-SS/主事', type: 'KOHO', title: '「芸北 高原の自然館」冬期休館のお知らせの広報掲載について', amount: null, start: 2, draft: true, ops: [],
    body: publicity('芸北 高原の自然館の冬期休館期間と臨時開館日', 'お知らせ欄（4分の1ページ）'),
  },
  {
    drafter: 'KAIKEI/主査', type: 'KEIYAKU', title: '公金収納代行業務（コンビニ収納）委託契約の更新について', amount: 1_650_000, start: 1, draft: true, ops: [],
    body: contract('北広島町役場会計課', '次年度の4月1日から1年間', '随意契約（地方自治法施行令第167条の2第1項第2号）', '株式会社ひろしま収納サービス'),
  },
];
