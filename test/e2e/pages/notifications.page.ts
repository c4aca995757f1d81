import type { Locator, Page } from 'playwright-core';

/** 管理 › 通知設定: the SMTP form, the test send, the reminder setting and the outbox. */
export class NotificationsPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/notifications`);
    await this.smtpForm().getByLabel('SMTPサーバー').waitFor();
  }

  smtpForm(): Locator {
    return this.page.getByRole('form', { name: 'メール送信（SMTP）' });
  }

  async configure(s: { host: string; port: number; security: string; fromAddress: string; appUrl: string; enabled: boolean }): Promise<void> {
    const form = this.smtpForm();
    await form.getByLabel('SMTPサーバー').fill(s.host);
    await form.getByLabel('ポート').fill(String(s.port));
    await form.getByRole('combobox', { name: '暗号化' }).click();
    await this.page.getByRole('option', { name: s.security }).click();
    await form.getByLabel('差出人アドレス').fill(s.fromAddress);
    await form.getByLabel('KamilessのURL').fill(s.appUrl);
    const toggle = form.getByRole('switch', { name: 'メールでお知らせする' });
    if ((await toggle.isChecked()) !== s.enabled) await toggle.click({ force: true });
  }

  async save(): Promise<void> {
    await this.smtpForm().getByRole('button', { name: 'メール送信の設定を保存' }).click();
    await this.page.getByText('メール送信の設定を保存しました').waitFor();
  }

  async sendTest(to: string): Promise<void> {
    await this.page.getByLabel('送信先アドレス').fill(to);
    await this.page.getByRole('button', { name: 'テスト送信' }).click();
  }
}
