import type { Page } from 'playwright-core';

/** ログ取込: header figures, the manual import, the file list and a file's rejected lines. */
export class LogsPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/logs`);
    await this.heading().waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { name: /^(ログ取込|Log import)$/, level: 2 });
  }

  /** One of the header cards, by its label: its text holds the figure. */
  card(label: string) {
    return this.page.locator('.mantine-Paper-root').filter({ has: this.page.getByText(label, { exact: true }) }).first();
  }

  /** Picks a file as the file dialog would (the drop zone's hidden input). */
  async upload(path: string): Promise<void> {
    await this.page.locator('input[type="file"]').setInputFiles(path);
  }

  async chooseFormat(label: string): Promise<void> {
    await this.page.getByRole('textbox', { name: /^(形式|Format)$/ }).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  /** The outcome of the last import: 取り込みました (a status) or 取り込めませんでした (an alert). */
  result(name: string) {
    return this.page.locator('[role="status"], [role="alert"]').filter({ hasText: name });
  }

  files() {
    return this.page.getByRole('region', { name: /取り込んだファイル|Imported files/ });
  }

  rejected() {
    return this.page.getByRole('region', { name: /のエラー行|Rejected lines of/ });
  }

  async showRejectedOf(name: string): Promise<void> {
    await this.files().getByRole('button', { name: new RegExp(`${name}`) }).click();
  }
}
