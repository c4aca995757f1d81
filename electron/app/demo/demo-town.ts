import type { DepartmentKind, SiteKind } from '../../../shared/api/org.js';
import type { Role } from '../../../shared/api/roles.js';

/**
 * A demo town modelled on 北広島町 (the seed's town): 本庁 in 千代田 and the
 * 芸北・大朝・豊平 branches. Data only; demo.ts writes it.
 */
export const demoTownName = '北広島町';

export const demoSites: { code: string; name: string; kind: SiteKind; address: string }[] = [
  { code: 'HONCHO', name: '本庁（千代田）', kind: 'honcho', address: '広島県山県郡北広島町有田1234' },
  { code: 'GEIHOKU', name: '芸北支所', kind: 'shisho', address: '広島県山県郡北広島町川小田10075-1' },
  { code: 'OASA', name: '大朝支所', kind: 'shisho', address: '広島県山県郡北広島町大朝2513-1' },
  { code: 'TOYOHIRA', name: '豊平支所', kind: 'shisho', address: '広島県山県郡北広島町都志見12609' },
  { code: 'CHIYODA-HC', name: '千代田保健センター', kind: 'outpost', address: '広島県山県郡北広島町有田1220' },
];

export interface DemoDepartment {
  code: string;
  name: string;
  kind: DepartmentKind;
  parent: string | null;
  site: string;
}

export const demoDepartments: DemoDepartment[] = [
  { code: 'SOMU-BU', name: '総務部', kind: 'bu', parent: null, site: 'HONCHO' },
  { code: 'SOMU', name: '総務課', kind: 'ka', parent: 'SOMU-BU', site: 'HONCHO' },
  { code: 'SOMU-JINJI', name: '人事係', kind: 'kakari', parent: 'SOMU', site: 'HONCHO' },
  { code: 'SOMU-BUNSHO', name: '文書法制係', kind: 'kakari', parent: 'SOMU', site: 'HONCHO' },
  { code: 'ZAISEI', name: '財政課', kind: 'ka', parent: 'SOMU-BU', site: 'HONCHO' },
  { code: 'KIKAKU', name: '企画課', kind: 'ka', parent: 'SOMU-BU', site: 'HONCHO' },
  { code: 'KIKAKU-DX', name: 'DX推進係', kind: 'kakari', parent: 'KIKAKU', site: 'HONCHO' },
  { code: 'CHOMIN-BU', name: '町民生活部', kind: 'bu', parent: null, site: 'HONCHO' },
  { code: 'CHOMIN', name: '町民課', kind: 'ka', parent: 'CHOMIN-BU', site: 'HONCHO' },
  { code: 'ZEIMU', name: '税務課', kind: 'ka', parent: 'CHOMIN-BU', site: 'HONCHO' },
  { code: 'HOKEN-BU', name: '保健福祉部', kind: 'bu', parent: null, site: 'HONCHO' },
  { code: 'FUKUSHI', name: '福祉課', kind: 'ka', parent: 'HOKEN-BU', site: 'HONCHO' },
  { code: 'HOKEN', name: '保健課', kind: 'ka', parent: 'HOKEN-BU', site: 'CHIYODA-HC' },
  { code: 'SANGYO-BU', name: '産業建設部', kind: 'bu', parent: null, site: 'HONCHO' },
  { code: 'NORIN', name: '農林課', kind: 'ka', parent: 'SANGYO-BU', site: 'HONCHO' },
  { code: 'SHOKO', name: '商工観光課', kind: 'ka', parent: 'SANGYO-BU', site: 'HONCHO' },
  { code: 'KENSETSU', name: '建設課', kind: 'ka', parent: 'SANGYO-BU', site: 'HONCHO' },
  { code: 'KAIKEI', name: '会計課', kind: 'ka', parent: null, site: 'HONCHO' },
  { code: 'GEIHOKU-SS', name: '芸北支所 地域づくり課', kind: 'ka', parent: null, site: 'GEIHOKU' },
  { code: 'OASA-SS', name: '大朝支所 地域づくり課', kind: 'ka', parent: null, site: 'OASA' },
  { code: 'TOYOHIRA-SS', name: '豊平支所 地域づくり課', kind: 'ka', parent: null, site: 'TOYOHIRA' },
];

/** Rank: higher = more authority; the approval engine reads it. */
export const demoPositions: { name: string; rank: number }[] = [
  { name: '町長', rank: 100 },
  { name: '副町長', rank: 90 },
  { name: '部長', rank: 80 },
  { name: '支所長', rank: 72 },
  { name: '課長', rank: 70 },
  { name: '課長補佐', rank: 60 },
  { name: '係長', rank: 50 },
  { name: '主査', rank: 40 },
  { name: '主任', rank: 30 },
  { name: '主事', rank: 20 },
  { name: '会計年度任用職員', rank: 10 },
];

export interface DemoUser {
  login: string;
  name: string;
  kana: string;
  department: string;
  position: string;
  roles: Role[];
}

const families: [string, string, string][] = [
  ['山本', 'やまもと', 'yamamoto'], ['佐々木', 'ささき', 'sasaki'], ['田中', 'たなか', 'tanaka'], ['藤井', 'ふじい', 'fujii'],
  ['岡田', 'おかだ', 'okada'], ['中村', 'なかむら', 'nakamura'], ['小川', 'おがわ', 'ogawa'], ['松本', 'まつもと', 'matsumoto'],
  ['井上', 'いのうえ', 'inoue'], ['木村', 'きむら', 'kimura'], ['林', 'はやし', 'hayashi'], ['清水', 'しみず', 'shimizu'],
  ['森', 'もり', 'mori'], ['池田', 'いけだ', 'ikeda'], ['橋本', 'はしもと', 'hashimoto'], ['石川', 'いしかわ', 'ishikawa'],
  ['前田', 'まえだ', 'maeda'], ['藤原', 'ふじわら', 'fujiwara'], ['後藤', 'ごとう', 'goto'], ['村上', 'むらかみ', 'murakami'],
  ['新谷', 'しんたに', 'shintani'], ['河野', 'こうの', 'kono'], ['竹下', 'たけした', 'takeshita'],
];
const givens: [string, string, string][] = [
  ['健一', 'けんいち', 'kenichi'], ['美穂', 'みほ', 'miho'], ['誠', 'まこと', 'makoto'], ['由美', 'ゆみ', 'yumi'],
  ['大輔', 'だいすけ', 'daisuke'], ['智子', 'ともこ', 'tomoko'], ['翔太', 'しょうた', 'shota'], ['恵', 'めぐみ', 'megumi'],
  ['浩二', 'こうじ', 'koji'], ['彩', 'あや', 'aya'], ['隆', 'たかし', 'takashi'], ['真理子', 'まりこ', 'mariko'],
  ['拓也', 'たくや', 'takuya'], ['優子', 'ゆうこ', 'yuko'], ['和也', 'かずや', 'kazuya'], ['直美', 'なおみ', 'naomi'],
  ['修', 'おさむ', 'osamu'], ['綾香', 'あやか', 'ayaka'], ['裕介', 'ゆうすけ', 'yusuke'],
];

/** Who holds which post: [department code, position]. Order fixes the names, so the town is the same every time. */
const posts: [string, string][] = [
  ['SOMU', '町長'], ['SOMU', '副町長'],
  ['SOMU-BU', '部長'], ['CHOMIN-BU', '部長'], ['HOKEN-BU', '部長'], ['SANGYO-BU', '部長'],
  ['SOMU', '課長'], ['SOMU', '課長補佐'], ['SOMU-JINJI', '係長'], ['SOMU-JINJI', '主事'], ['SOMU-BUNSHO', '係長'], ['SOMU-BUNSHO', '主査'],
  ['ZAISEI', '課長'], ['ZAISEI', '係長'], ['ZAISEI', '主事'],
  ['KIKAKU', '課長'], ['KIKAKU-DX', '係長'],
  ['CHOMIN', '課長'], ['CHOMIN', '係長'], ['CHOMIN', '主事'], ['CHOMIN', '会計年度任用職員'],
  ['ZEIMU', '課長'], ['ZEIMU', '係長'], ['ZEIMU', '主任'],
  ['FUKUSHI', '課長'], ['FUKUSHI', '課長補佐'], ['FUKUSHI', '主事'],
  ['HOKEN', '課長'], ['HOKEN', '主査'],
  ['NORIN', '課長'], ['NORIN', '主事'],
  ['SHOKO', '課長'], ['SHOKO', '主任'],
  ['KENSETSU', '課長'], ['KENSETSU', '係長'], ['KENSETSU', '主事'],
  ['KAIKEI', '課長'], ['KAIKEI', '主査'],
  ['GEIHOKU-SS', '支所長'], ['GEIHOKU-SS', '主事'],
  ['OASA-SS', '支所長'], ['OASA-SS', '主任'],
  ['TOYOHIRA-SS', '支所長'], ['TOYOHIRA-SS', '会計年度任用職員'],
];

function makeUsers(): DemoUser[] {
  const taken = new Set<string>();
  const users: DemoUser[] = posts.map(([department, position], i) => {
    const [fName, fKana, fRoman] = families[i % families.length] as [string, string, string];
    const [gName, gKana, gRoman] = givens[(i * 7) % givens.length] as [string, string, string];
    let login = `${fRoman}.${gRoman}`;
    for (let n = 2; taken.has(login); n++) login = `${fRoman}.${gRoman}${n}`;
    taken.add(login);
    return { login, name: `${fName} ${gName}`, kana: `${fKana} ${gKana}`, department, position, roles: ['clerk'] };
  });
  users.push(
    { login: 'admin', name: '情報 管理者', kana: 'じょうほう かんりしゃ', department: 'SOMU-BUNSHO', position: '主査', roles: ['admin', 'clerk'] },
    { login: 'dx', name: '竹本 沙織', kana: 'たけもと さおり', department: 'KIKAKU-DX', position: '主事', roles: ['dx', 'clerk'] },
  );
  return users;
}

export const demoUsers: DemoUser[] = makeUsers();
