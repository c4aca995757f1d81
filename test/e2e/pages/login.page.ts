import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login`);
    await this.page.getByRole('button', { name: /サインイン|Sign in/ }).waitFor();
  }

  async signIn(login: string, password: string): Promise<void> {
    await this.page.getByRole('textbox', { name: /^(ログインID|Login)$/ }).fill(login);
    await this.page.getByRole('textbox', { name: /^(パスワード|Password)$/ }).fill(password);
    await this.page.getByRole('button', { name: /^(サインイン|Sign in)$/ }).click();
  }

  alert() {
    return this.page.getByRole('alert');
  }
}
