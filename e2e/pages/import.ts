/**
 * Page object for import and export: dropping a file on the diagram, the import report, the SQL
 * pane's apply bar, and the export dialog.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { generateModel } from '../../bench/_generate-model.ts';
import { generatePostgres } from '../../shared/ddl/generate.ts';

export class ImportExport {
  constructor(readonly page: Page) {}

  /** Drags a file from disk over the diagram and drops it on a target (`new` or `merge`), as a person would. */
  async dropFile(path: string, into: 'new' | 'merge'): Promise<void> {
    const text = readFileSync(path, 'utf8');
    const name = basename(path);
    const dataTransfer = await this.page.evaluateHandle(({ text, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/sql' }));
      return transfer;
    }, { text, name });
    await this.page.getByTestId('canvas').dispatchEvent('dragenter', { dataTransfer });
    const target = this.page.getByTestId(`drop-${into}`);
    await expect(target).toBeVisible();
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  }

  /**
   * Writes the generated model of `tables` tables (bench/_generate-model.ts, seeded) as SQL to `file`,
   * drops it as a new document, closes the report and waits for the auto-layout that follows.
   */
  async importGenerated(tables: number, file: string, state: (expression: string) => Promise<string>): Promise<void> {
    writeFileSync(file, generatePostgres(generateModel({ tables })));
    await this.dropFile(file, 'new');
    await expect(this.report).toBeVisible({ timeout: 60_000 });
    await this.closeReport();
    await expect.poll(() => state('state.notice?.message ?? ""')).not.toMatch(/Arranging/);
  }

  get report(): Locator {
    return this.page.getByTestId('import-report');
  }

  async stat(name: 'tables' | 'views' | 'enums' | 'warnings' | 'skipped' | 'added'): Promise<number> {
    return Number(await this.report.getByTestId(`import-stat-${name}`).locator('b').innerText());
  }

  /** The skipped statements as shown: `line 8 SET a session setting`. */
  async skipped(): Promise<string[]> {
    return this.report.getByTestId('import-skipped').locator('li').allInnerTexts();
  }

  async closeReport(): Promise<void> {
    await this.report.getByTestId('import-report-close').click();
    await expect(this.report).toBeHidden();
  }

  get applyStatus(): Locator {
    return this.page.getByTestId('sql-apply-status');
  }

  /** Puts the cursor at the end of the first SQL pane line containing `text` (it must be on screen). */
  async cursorAtEndOf(text: string): Promise<void> {
    const line = this.page.getByTestId('sql-editor').locator('.view-line').filter({ hasText: text }).first();
    await line.click();
    await this.page.keyboard.press('End');
  }

  /** Types into the SQL pane at the cursor (insertText: Monaco's auto-indent and brackets stay out of it). */
  async typeSql(text: string): Promise<void> {
    await this.page.keyboard.insertText(text);
  }

  async applySqlWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
  }

  async openImport(): Promise<void> {
    await this.page.getByTestId('file-menu').click();
    await this.page.getByTestId('import-open').click();
    await expect(this.page.getByTestId('import-dialog')).toBeVisible();
  }

  async openExport(): Promise<void> {
    await this.page.getByTestId('file-menu').click();
    await this.page.getByTestId('export-open').click();
    await expect(this.page.getByTestId('export-dialog')).toBeVisible();
  }
}
