import type { Page } from 'playwright-core';

/** The signed-in frame: header, main navigation, user menu. */
export class ShellPage {
  constructor(private readonly page: Page) {}

  nav() {
    return this.page.getByRole('navigation');
  }

  navLink(name: string | RegExp) {
    return this.nav().getByRole('link', { name });
  }

  async userMenu(name: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(name) }).click();
  }

  async signOut(name: string): Promise<void> {
    await this.userMenu(name);
    await this.page.getByRole('menuitem', { name: /サインアウト|Sign out/ }).click();
  }

  async switchLanguage(label: '日本語' | 'English'): Promise<void> {
    await this.page.getByRole('banner').getByText(label, { exact: true }).click();
  }
}
