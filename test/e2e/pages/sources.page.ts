import type { Locator, Page } from 'playwright-core';

/** ログ取込 → 取込元: the sources table, the add/edit dialog with its preview, the mapping editor and the token dialog. */
export class SourcesPage {
  constructor(private readonly page: Page) {}

  section(): Locator {
    return this.page.getByRole('region', { name: /^(取込元（自動取込）|Sources \(automatic import\))$/ });
  }

  row(name: string): Locator {
    return this.section().getByRole('row').filter({ hasText: name });
  }

  async openAdd(): Promise<void> {
    await this.section().getByRole('button', { name: /^(取込元を追加|Add a source)$/ }).first().click();
    await this.form().waitFor();
  }

  /** The add or edit dialog. */
  form(): Locator {
    return this.page.getByRole('dialog', { name: /取込元を追加|取込元「.+」を編集|Add a source|Edit source/ });
  }

  async chooseKind(label: '支所エージェント' | 'フォルダー監視'): Promise<void> {
    await this.form().getByText(label, { exact: true }).click();
  }

  async fill(label: string, value: string): Promise<void> {
    // A text input, or an input with suggestions (a combobox), by its accessible name (the required * is hidden from it).
    const form = this.form();
    await form.getByRole('textbox', { name: label, exact: true }).or(form.getByRole('combobox', { name: label, exact: true })).fill(value);
  }

  /** A Mantine select (a combobox): open it by its label, then pick the option. */
  async select(scope: Locator, label: string, option: string | RegExp): Promise<void> {
    await scope.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  preview(scope: Locator = this.form()): Locator {
    return scope.getByRole('region', { name: /^(プレビュー|Preview)$/ });
  }

  async save(label: '追加' | '保存' = '追加'): Promise<void> {
    await this.form().getByRole('button', { name: label, exact: true }).click();
  }

  mappingEditor(): Locator {
    return this.page.getByRole('dialog', { name: /マッピングの作成|Mapping \(/ });
  }

  /** Picks a sample file as the file dialog would. */
  async pickSample(scope: Locator, path: string): Promise<void> {
    await scope.locator('input[type="file"]').setInputFiles(path);
  }

  tokenDialog(): Locator {
    return this.page.getByRole('dialog', { name: /エージェント用トークン|Agent token/ });
  }

  rejected(): Locator {
    return this.page.getByRole('region', { name: /取込元「.+」のエラー行|Rejected lines of source/ });
  }
}
