import type { Page } from 'playwright-core';

/** 保存・廃棄 (/archive): the retention list by fiscal year and batch disposal. */
export class RetentionPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/archive`);
    await this.page.getByRole('heading', { name: '保存・廃棄', level: 2 }).waitFor();
    await this.rows().first().waitFor();
  }

  /** The table's rows on a wide screen, the cards on a phone. */
  rows() {
    return this.page.locator('[data-testid=retention-table] tbody tr:visible, [data-testid=retention-cards] > li:visible');
  }

  async selectAllDue(): Promise<void> {
    await this.page.getByRole('checkbox', { name: '廃棄可能なものをすべて選択' }).check();
  }

  async dispose(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: /^選択した\d+件を廃棄済みにする$/ }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^廃棄の理由/ }).fill(reason);
    await dialog.getByRole('button', { name: '廃棄済みにする', exact: true }).click();
    await this.page.getByTestId('dispose-result').waitFor();
  }

  resultItems() {
    return this.page.getByTestId('dispose-result').locator('li');
  }
}

/** 関連文書: the panel on the case page and the field on the drafting page. */
export class RelatedPanel {
  constructor(private readonly page: Page) {}

  items() {
    return this.page.getByTestId('related-list').locator(':scope > li');
  }

  /** Searches by number or title, picks the first match whose label contains `pick`, and links it with a note. */
  async link(query: string, pick: string, note: string): Promise<void> {
    const search = this.page.getByRole('combobox', { name: '文書番号または件名で探す' });
    await search.click();
    await search.fill(query);
    await this.page.getByRole('option', { name: new RegExp(pick) }).first().click();
    await this.page.getByRole('textbox', { name: 'メモ（任意）' }).fill(note);
    await this.page.getByRole('button', { name: '関連付ける', exact: true }).click();
  }
}
