import type { Page } from 'playwright-core';

/** The admin pages share one pattern: a table, an 追加 button and a modal form. */
export class AdminPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(path: 'sites' | 'departments' | 'positions' | 'users'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/${path}`);
    await this.page.getByRole('button', { name: '追加' }).first().waitFor();
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  async pick(label: string | RegExp, option: string): Promise<void> {
    await this.dialog().getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async createDepartment(d: { kind: string; code: string; name: string; parent: string; site: string }): Promise<void> {
    await this.page.getByRole('button', { name: '追加' }).first().click();
    await this.pick('種別', d.kind);
    await this.dialog().getByLabel('コード').fill(d.code);
    await this.dialog().getByLabel('名称').fill(d.name);
    await this.pick('上位組織', d.parent);
    await this.pick('庁舎', d.site);
    await this.dialog().getByRole('button', { name: '追加' }).click();
  }

  async openNewUser(): Promise<void> {
    await this.page.getByRole('button', { name: '追加' }).first().click();
    await this.dialog().waitFor();
  }

  async fillUser(u: { login: string; name: string; kana: string; department: string; position: string; password: string }): Promise<void> {
    await this.dialog().getByLabel('ログインID').fill(u.login);
    await this.dialog().getByLabel('氏名').fill(u.name);
    await this.dialog().getByLabel('ふりがな').fill(u.kana);
    await this.pick('所属', u.department);
    await this.pick('職位', u.position);
    await this.dialog().getByLabel('初期パスワード').fill(u.password);
  }

  async submitDialog(): Promise<void> {
    await this.dialog().getByRole('button', { name: '追加' }).click();
  }
}
