import type { Page } from 'playwright-core';

export class SetupPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: '初期設定' });
  }

  async complete(opts: { town: string; login: string; name: string; password: string }): Promise<void> {
    await this.page.getByLabel('団体名').fill(opts.town);
    await this.page.getByLabel('ログインID').fill(opts.login);
    await this.page.getByLabel('氏名').fill(opts.name);
    await this.page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(opts.password);
    await this.page.getByLabel('パスワード（確認）').fill(opts.password);
    await this.page.getByRole('button', { name: '設定して開始' }).click();
  }
}
