import type { Page } from 'playwright-core';

/** 紙削減: the headline, the charts, the drill-down, the settings and the mapping of log names. */
export class PaperPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(fy?: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/paper${fy === undefined ? '' : `?fy=${fy}`}`);
    await this.heading().waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { name: /^(紙削減|Paper)$/, level: 2 });
  }

  headline() {
    return this.page.getByRole('region', { name: /の紙削減$|^Paper reduction/ });
  }

  /** The big figure, as shown ("134,959"). */
  reduction() {
    return this.page.getByTestId('paper-reduction');
  }

  achievement() {
    return this.page.getByTestId('paper-achievement');
  }

  async chooseYear(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /^(年度|Fiscal year)$/ }).click();
    await this.page.getByRole('option', { name: label }).click();
  }

  // -- settings --------------------------------------------------------------

  async openSettings(): Promise<void> {
    await this.page.getByRole('button', { name: /^(目標・基準の設定|Target and baseline)$/ }).click();
    await this.settings().waitFor();
  }

  settings() {
    return this.page.getByRole('dialog', { name: /の目標・基準|Target and baseline,/ });
  }

  async fillTarget(value: string): Promise<void> {
    const input = this.settings().getByRole('textbox', { name: /削減目標|Reduction target/ });
    await input.fill(value);
  }

  async chooseBaselineYear(label: string): Promise<void> {
    await this.settings().getByText('過去の年度の実績', { exact: true }).click();
    await this.settings().getByRole('combobox', { name: /^基準年度/ }).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  async saveSettings(): Promise<void> {
    await this.settings().getByRole('button', { name: /^(保存|Save)$/ }).click();
  }

  // -- breakdown -------------------------------------------------------------

  breakdown() {
    return this.page.getByRole('region', { name: /庁舎・課別の内訳|By site and department/ });
  }

  async drillInto(name: string): Promise<void> {
    await this.breakdown().getByRole('button', { name: `${name}の内訳を表示` }).click();
  }

  crumbs() {
    return this.breakdown().getByRole('navigation', { name: '内訳の階層' });
  }

  /** "125,437枚・18,295件" of the level shown. */
  breakdownTotal() {
    return this.breakdown().getByText(/^[\d,]+枚・[\d,]+件$/);
  }

  unassignedHint() {
    return this.page.getByTestId('paper-unassigned');
  }

  // -- mapping ---------------------------------------------------------------

  mapping() {
    return this.page.getByRole('region', { name: /^割り当て（|^Assignments/ });
  }

  async showNames(kind: 'ユーザー名' | 'プリンター名'): Promise<void> {
    await this.mapping().getByText(kind, { exact: true }).first().click();
  }

  async searchNames(text: string): Promise<void> {
    await this.mapping().getByRole('textbox', { name: '名前で絞り込み' }).fill(text);
  }

  /** A row of the names list (not of the rules below it). */
  nameRow(name: string) {
    return this.mapping().getByRole('table', { name: /^(ユーザー名|プリンター名)$/ }).getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async addRuleFor(name: string): Promise<void> {
    await this.mapping().getByRole('button', { name: `「${name}」のルールを追加` }).click();
    await this.ruleDialog().waitFor();
  }

  ruleDialog() {
    return this.page.getByRole('dialog', { name: /のルールを追加$|^ルールを追加$/ });
  }

  async chooseRuleKind(label: string): Promise<void> {
    await this.ruleDialog().getByText(label, { exact: true }).click();
  }

  async fillPattern(pattern: string): Promise<void> {
    await this.ruleDialog().getByRole('textbox', { name: /^パターン/ }).fill(pattern);
  }

  async chooseRuleDepartment(name: string): Promise<void> {
    const input = this.ruleDialog().getByRole('combobox', { name: /^課/ });
    await input.click();
    await input.fill(name);
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  async saveRule(): Promise<void> {
    await this.ruleDialog().getByRole('button', { name: 'ルールを保存' }).click();
  }

  rules() {
    return this.mapping().getByRole('table', { name: '割り当てルール' });
  }

  // -- evaluation and purchases ---------------------------------------------

  evaluation() {
    return this.page.getByRole('region', { name: /の評価$|^Evaluation,/ });
  }

  evaluationRow(label: string) {
    return this.evaluation().getByRole('table', { name: '評価表' }).getByRole('row').filter({ has: this.page.getByText(label, { exact: true }) });
  }

  async addEvaluationRow(): Promise<void> {
    await this.evaluation().getByRole('button', { name: '指標を追加' }).click();
    await this.evaluationDialog().waitFor();
  }

  evaluationDialog() {
    return this.page.getByRole('dialog', { name: /^指標を(追加|編集)$/ });
  }

  async fillEvaluationRow(v: { label?: string; unit?: string; target?: string; actual?: string; comment?: string }): Promise<void> {
    const dialog = this.evaluationDialog();
    if (v.label !== undefined) await dialog.getByRole('textbox', { name: /^指標名（日本語）/ }).fill(v.label);
    if (v.unit !== undefined) await dialog.getByRole('textbox', { name: '単位（日本語）', exact: true }).fill(v.unit);
    if (v.target !== undefined) await dialog.getByRole('textbox', { name: '目標', exact: true }).fill(v.target);
    if (v.actual !== undefined) await dialog.getByRole('textbox', { name: '実績', exact: true }).fill(v.actual);
    if (v.comment !== undefined) await dialog.getByRole('textbox', { name: 'コメント', exact: true }).fill(v.comment);
  }

  async saveEvaluationRow(): Promise<void> {
    await this.evaluationDialog().getByRole('button', { name: '保存', exact: true }).click();
  }

  /** The download link's address (relative, with the fy), to fetch with the page's cookies. */
  async downloadHref(name: 'CSV（UTF-8）' | 'CSV（Shift_JIS・旧Excel用）' | 'PDF'): Promise<string> {
    return (await this.evaluation().getByRole('link', { name, exact: true }).getAttribute('href')) ?? '';
  }

  purchases() {
    return this.page.getByRole('region', { name: /の用紙購入$|^Paper purchases,/ });
  }

  /** `month` as the inputs name it: 2026年4月. */
  async fillPurchase(month: string, reams: string, note = ''): Promise<void> {
    await this.purchases().getByRole('textbox', { name: `${month}の購入量（連）` }).fill(reams);
    await this.purchases().getByRole('textbox', { name: `${month}のメモ` }).fill(note);
  }

  async savePurchase(month: string): Promise<void> {
    await this.purchases().getByRole('button', { name: `${month}を保存` }).click();
  }

  /** The sheets cell of a month ('YYYY-MM'), updated as the reams are typed. */
  purchaseSheets(month: string) {
    return this.page.getByTestId(`paper-purchase-${month}`).getByTestId('paper-purchase-sheets');
  }

  purchasesTotal() {
    return this.page.getByTestId('paper-purchases-total');
  }

  /** Chooses a CSV with the purchases section's 「CSVから取り込む」 (the file is checked before anything is sent). */
  async choosePurchasesCsv(path: string): Promise<void> {
    await this.purchases().locator('input[type="file"]').setInputFiles(path);
  }

  purchasesImportErrors() {
    return this.page.getByTestId('paper-purchases-import-errors');
  }

  purchasesImportPreview() {
    return this.page.getByTestId('paper-purchases-import-preview');
  }

  async confirmPurchasesImport(): Promise<void> {
    await this.purchasesImportPreview().getByRole('button', { name: '取り込む', exact: true }).click();
  }

  purchasesImportDone() {
    return this.page.getByTestId('paper-purchases-import-done');
  }

  // -- e-approval effect (an estimate, apart from the measured figures) ------------

  approvalEffect() {
    return this.page.getByRole('region', { name: /^電子決裁による削減効果（推計）$|^E-approval effect \(estimate\)$/ });
  }

  /** The estimate as shown ("約 28枚"). */
  approvalEffectSheets() {
    return this.page.getByTestId('paper-approval-effect-sheets');
  }

  approvalEffectByType() {
    return this.approvalEffect().getByRole('table', { name: /^(文書種別ごと|By document type)$/ });
  }

  approvalEffectSettings() {
    return this.page.getByTestId('paper-approval-effect-settings');
  }

  async fillPaperCopies(value: string): Promise<void> {
    await this.approvalEffectSettings().getByRole('textbox', { name: /^紙で回議する場合に必要な部数/ }).fill(value);
  }

  async setDuplex(on: boolean): Promise<void> {
    await this.approvalEffectSettings().getByRole('checkbox', { name: /^両面で印刷していた/ }).setChecked(on);
  }

  async saveApprovalEffectSettings(): Promise<void> {
    await this.approvalEffectSettings().getByRole('button', { name: '保存', exact: true }).click();
  }

  /** The names of the fiscal year picker's options, as listed. */
  async yearOptions(): Promise<string[]> {
    await this.page.getByRole('combobox', { name: /^(年度|Fiscal year)$/ }).click();
    const names = await this.page.getByRole('option').allTextContents();
    await this.page.keyboard.press('Escape');
    return names;
  }
}
