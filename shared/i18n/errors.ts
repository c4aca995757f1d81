import type { ErrorCode } from '../api/errors.js';
import type { Language } from '../api/org.js';

/**
 * The one place an error code becomes words. The server answers in the
 * caller's language (Accept-Language, Japanese by default); the renderer
 * uses the same table so a message never differs between API and screen.
 */
export const errorText: Record<ErrorCode, Record<Language, string>> = {
  validation: { ja: '入力内容に誤りがあります', en: 'The input is not valid' },
  password_too_weak: {
    ja: 'パスワードは10文字以上で、ログインIDと異なるものにしてください',
    en: 'The password must be at least 10 characters and differ from the login',
  },
  unauthenticated: { ja: 'サインインしてください', en: 'Please sign in' },
  invalid_credentials: {
    ja: 'ログインIDまたはパスワードが正しくありません',
    en: 'The login or password is incorrect',
  },
  wrong_current_password: { ja: '現在のパスワードが正しくありません', en: 'The current password is incorrect' },
  forbidden: { ja: 'この操作を行う権限がありません', en: 'You are not allowed to do this' },
  csrf_missing: {
    ja: 'セッションの確認に失敗しました。画面を再読み込みしてください',
    en: 'The request could not be verified; reload the page',
  },
  bad_secret: { ja: 'このアプリ以外からの接続は受け付けません', en: 'Connections from outside the app are refused' },
  not_found: { ja: '対象が見つかりません', en: 'Not found' },
  unknown_reference: {
    ja: '指定された項目が存在しないか、無効になっています',
    en: 'The selected item does not exist or is inactive',
  },
  last_admin: {
    ja: '有効な管理者が1人もいなくなるため、この変更はできません',
    en: 'This would leave the town without an active administrator',
  },
  offset_mismatch: { ja: '送信位置がハブの受信済みの位置と合いません', en: 'The offset does not match what the hub holds' },
  stale_version: {
    ja: 'この案件は他の人の操作で更新されています。最新の内容を確認してください',
    en: 'Someone else has changed this case; check its latest state',
  },
  wrong_state: { ja: '案件の現在の状態ではこの操作はできません', en: 'This is not possible in the case’s current state' },
  not_your_turn: { ja: 'この案件であなたの処理を待っている段階はありません', en: 'Nothing on this case is waiting for you' },
  not_entitled: { ja: 'この操作を行う立場にありません', en: 'You are not entitled to do this' },
  wrong_action: { ja: 'あなたの段階ではこの操作は選べません', en: 'Your step takes a different action' },
  comment_required: { ja: 'コメント（理由）を入力してください', en: 'A comment (reason) is required' },
  reason_required: { ja: '代決の理由を入力してください', en: 'Give the reason for deciding on behalf (代決)' },
  invalid_target: { ja: '差戻し先には、すでに処理済みの前の段階を選んでください', en: 'Send back to an earlier step that has acted' },
  route_unresolvable: {
    ja: '回議ルートを決められません（該当する職の職員がいません）',
    en: 'The route cannot be resolved: nobody holds a post it needs',
  },
  invalid_file: { ja: 'ファイルを読み取れません（PDFまたは画像を添付してください）', en: 'The file cannot be read: attach a PDF or an image' },
  conflict: { ja: '他の内容と矛盾するため保存できません', en: 'This conflicts with existing data' },
  duplicate: { ja: '同じ値がすでに登録されています', en: 'This value is already in use' },
  setup_already_done: { ja: '初期設定はすでに完了しています', en: 'Set-up has already been done' },
  in_use: { ja: '他のデータから参照されているため変更できません', en: 'Other records refer to this' },
  too_large: {
    ja: 'ファイルが大きすぎるため受け付けられません',
    en: 'The file is too large to accept',
  },
  import_failed: {
    ja: 'ログファイルを取り込めませんでした',
    en: 'The log file could not be imported',
  },
  rate_limited: {
    ja: '失敗が続いたため一時的にロックされています。しばらくしてから再度お試しください',
    en: 'Too many failed attempts; try again later',
  },
  internal: { ja: 'システムエラーが発生しました', en: 'An internal error occurred' },
  server_unreachable: {
    ja: 'サーバーに接続できません。ネットワークと接続先の設定を確認してください',
    en: 'The Kamiless server cannot be reached; check the network and the hub URL in Settings',
  },
  disposed: { ja: 'この文書は保存期間満了により廃棄済みのため、ファイルはありません', en: 'This case was disposed of at the end of its retention period; its files are gone' },
};

/** Field names as shown in messages ("ログインID: 同じ値がすでに登録されています"). */
export const fieldLabel: Record<string, Record<Language, string>> = {
  login: { ja: 'ログインID', en: 'Login' },
  password: { ja: 'パスワード', en: 'Password' },
  newPassword: { ja: '新しいパスワード', en: 'New password' },
  currentPassword: { ja: '現在のパスワード', en: 'Current password' },
  name: { ja: '名称・氏名', en: 'Name' },
  kana: { ja: 'ふりがな', en: 'Kana' },
  email: { ja: 'メールアドレス', en: 'E-mail' },
  code: { ja: 'コード', en: 'Code' },
  kind: { ja: '種別', en: 'Kind' },
  siteId: { ja: '所在地（庁舎）', en: 'Site' },
  parentId: { ja: '上位組織', en: 'Parent department' },
  departmentId: { ja: '所属', en: 'Department' },
  positionId: { ja: '職位', en: 'Position' },
  rank: { ja: '序列', en: 'Rank' },
  roles: { ja: '権限', en: 'Roles' },
  townName: { ja: '団体名', en: 'Town name' },
  address: { ja: '住所', en: 'Address' },
  sortOrder: { ja: '表示順', en: 'Sort order' },
  language: { ja: '言語', en: 'Language' },
};

export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'ja';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}

/** Codes whose text is about one input, so the input's name leads the message. */
const fieldCodes: ReadonlySet<ErrorCode> = new Set(['validation', 'duplicate', 'unknown_reference', 'in_use', 'password_too_weak']);

/** "ログインID: 同じ値がすでに登録されています" — the field's last path segment names it. */
export function describeError(code: ErrorCode, lang: Language, field?: string): string {
  const base = errorText[code][lang];
  if (!field || !fieldCodes.has(code)) return base;
  const key = field.split('.').pop() ?? field;
  const label = fieldLabel[key]?.[lang] ?? key;
  return `${label}: ${base}`;
}
