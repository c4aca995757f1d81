import type { CaseNoticeKind } from '../server/event-hub.js';

/** What a notice mail says, gathered from the case and the people (pure input: composed without I/O). */
export interface NoticeMailInput {
  kind: CaseNoticeKind;
  caseNumber: string | null;
  title: string;
  recipientName: string;
  /** When the recipient is told as a proxy (代理): whose inbox it is. */
  principalName: string | null;
  drafterName: string;
  drafterDepartment: string;
  /** Who made the change (sent back, decided, rejected); null when nobody did (a reminder). */
  actorName: string | null;
  /** Reminders: how many working days the step has waited. */
  waitingWorkingDays: number | null;
  /** The hub's address of the case; '' when the hub's URL is not set. */
  link: string;
}

interface Wording {
  label: string;
  happened: string;
  todo: string;
  showActor: boolean;
}

function wording(input: NoticeMailInput): Wording {
  const mine = input.principalName === null ? 'あなた' : `${input.principalName} さん（あなたが代理）`;
  switch (input.kind) {
    case 'arrived':
      return { label: '決裁依頼', happened: `${mine}の受信箱に案件が届きました。`, todo: '内容を確認し、承認・合議・差戻しなどの処理をしてください。', showActor: false };
    case 'sent_back':
      return { label: '差戻し', happened: '起案した案件が差し戻されました。', todo: '案件画面で差戻しの理由を確認し、修正して再提出してください。', showActor: true };
    case 'completed':
      return { label: '決裁完了', happened: '起案した案件が決裁されました。', todo: '必要に応じて施行の手続きを進めてください。', showActor: true };
    case 'rejected':
      return { label: '否決', happened: '起案した案件が否決されました。', todo: '案件画面で否決の理由を確認してください。', showActor: true };
    case 'review':
      return { label: '後閲依頼', happened: `${mine}の不在中に代決された案件があります。`, todo: '内容を確認し、後閲を済ませてください。', showActor: true };
    case 'reminder':
      return {
        label: '催促',
        happened: `${mine}の処理を待っている案件が ${input.waitingWorkingDays ?? 0} 営業日経過しています。`,
        todo: 'できるだけ早く処理してください。',
        showActor: false,
      };
    default: {
      const never: never = input.kind;
      return never;
    }
  }
}

/** The subject and plain-text body of one notice mail, in Japanese. */
export function noticeMail(input: NoticeMailInput): { subject: string; text: string } {
  const w = wording(input);
  const number = input.caseNumber ?? '（未採番）';
  const lines = [
    `${input.recipientName} 様`,
    '',
    w.happened,
    w.todo,
    '',
    `文書番号: ${number}`,
    `件名: ${input.title}`,
    `起案者: ${input.drafterName}${input.drafterDepartment === '' ? '' : `（${input.drafterDepartment}）`}`,
    ...(w.showActor && input.actorName !== null ? [`処理者: ${input.actorName}`] : []),
    ...(input.waitingWorkingDays !== null ? [`経過: ${input.waitingWorkingDays} 営業日（土日・祝日・12/29～1/3を除く）`] : []),
    '',
    ...(input.link === '' ? ['Kamiless の受信箱から案件を開いてください。'] : [`案件を開く: ${input.link}`]),
    '',
    '--',
    'このメールは Kamiless から自動で送信しています。返信しないでください。',
    'メールでのお知らせは Kamiless の「設定」で止められます。',
  ];
  return { subject: `【${w.label}】${number} ${input.title}`, text: `${lines.join('\n')}\n` };
}

/** The case's page on the hub, or '' when the hub's URL is not set. */
export function caseLink(appUrl: string, caseId: number): string {
  return appUrl === '' ? '' : `${appUrl.replace(/\/+$/, '')}/cases/${caseId}`;
}
