import { describe, expect, it } from 'vitest';
import { caseLink, noticeMail, type NoticeMailInput } from '../../../electron/app/mail/notice-mail.js';

const base: NoticeMailInput = {
  kind: 'arrived',
  caseNumber: '総務第12号',
  title: '備品購入について',
  recipientName: '係長 六子',
  principalName: null,
  drafterName: '起案 七子',
  drafterDepartment: '人事係',
  actorName: '課長 四郎',
  waitingWorkingDays: null,
  link: 'https://hub.example/cases/7',
};

describe('noticeMail', () => {
  it('labels the subject by what happened, with number and title', () => {
    const subjects = (['arrived', 'sent_back', 'completed', 'rejected', 'review', 'reminder'] as const).map((kind) => noticeMail({ ...base, kind }).subject);
    expect(subjects).toEqual([
      '【決裁依頼】総務第12号 備品購入について',
      '【差戻し】総務第12号 備品購入について',
      '【決裁完了】総務第12号 備品購入について',
      '【否決】総務第12号 備品購入について',
      '【後閲依頼】総務第12号 備品購入について',
      '【催促】総務第12号 備品購入について',
    ]);
  });

  it('says who acted only where someone did, and how long a reminder waited', () => {
    expect(noticeMail(base).text).not.toContain('処理者');
    expect(noticeMail({ ...base, kind: 'sent_back' }).text).toContain('処理者: 課長 四郎');
    const reminder = noticeMail({ ...base, kind: 'reminder', waitingWorkingDays: 5 }).text;
    expect(reminder).toContain('5 営業日経過しています');
    expect(reminder).toContain('経過: 5 営業日（土日・祝日・12/29～1/3を除く）');
  });

  it('names the principal to a proxy, and copes with no number and no link', () => {
    const m = noticeMail({ ...base, principalName: '課長 四郎', caseNumber: null, link: '' });
    expect(m.subject).toBe('【決裁依頼】（未採番） 備品購入について');
    expect(m.text).toContain('課長 四郎 さん（あなたが代理）の受信箱に案件が届きました。');
    expect(m.text).toContain('Kamiless の受信箱から案件を開いてください。');
    expect(m.text).not.toContain('案件を開く:');
  });
});

describe('caseLink', () => {
  it('joins the hub URL and the case path whatever the trailing slashes', () => {
    expect(caseLink('https://hub.example/', 3)).toBe('https://hub.example/cases/3');
    expect(caseLink('https://hub.example/kamiless//', 3)).toBe('https://hub.example/kamiless/cases/3');
    expect(caseLink('', 3)).toBe('');
  });
});
