import type { Page } from 'playwright-core';

/** 起案: the drafting page (/draft, /draft/:id). */
export class DraftPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(id?: number): Promise<void> {
    await this.page.goto(`${this.baseUrl}/draft${id === undefined ? '' : `/${id}`}`);
    await this.heading().waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { name: /^(起案|起案（下書きの続き）|差し戻された文書の修正)$/, level: 2 });
  }

  async chooseType(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /^文書の種類/ }).click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  amount() {
    return this.page.getByRole('textbox', { name: /^金額/ });
  }

  async setAmount(text: string): Promise<void> {
    await this.amount().fill(text);
  }

  /** "¥3,200,000 → 部長専決" and who decides. */
  finalRule() {
    return this.page.getByTestId('draft-final-rule');
  }

  routeSteps() {
    return this.page.getByTestId('draft-route-step');
  }

  async addConsult(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /^合議先/ }).click();
    await this.page.getByRole('option', { name, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  async fillTitle(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: /^件名/ }).fill(text);
  }

  async fillBody(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: /^本文/ }).fill(text);
  }

  fileInput() {
    return this.page.getByTestId('draft-dropzone').locator('input[type=file]');
  }

  /** Through the file picker. */
  async attachByPicker(name: string, mimeType: string, bytes: Uint8Array): Promise<void> {
    await this.fileInput().setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
  }

  /** As a drag and drop from the desktop: a DataTransfer with the file, dispatched on the drop area. */
  async attachByDrop(name: string, mimeType: string, bytes: Uint8Array): Promise<void> {
    await this.page.getByTestId('draft-dropzone').evaluate(
      (zone, file) => {
        const data = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([data], file.name, { type: file.mimeType }));
        for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      },
      { name, mimeType, base64: Buffer.from(bytes).toString('base64') },
    );
  }

  attachments() {
    return this.page.getByTestId('draft-attachment');
  }

  uploadRows() {
    return this.page.getByTestId('draft-upload-row');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '下書き保存' }).click();
  }

  async openSubmit(label: '提出する' | '再提出する' = '提出する'): Promise<void> {
    await this.page.getByRole('button', { name: label }).first().click();
    await this.confirmDialog().waitFor();
  }

  confirmDialog() {
    return this.page.getByRole('dialog', { name: /提出しますか/ });
  }

  async confirmSubmit(label: '提出する' | '再提出する' = '提出する'): Promise<void> {
    await this.confirmDialog().getByRole('button', { name: label }).click();
  }

  sentBack() {
    return this.page.getByTestId('draft-sent-back');
  }
}
