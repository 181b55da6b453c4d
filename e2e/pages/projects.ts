/**
 * Page object for documents: File → New, saving as a project, the Projects dialog, and what the
 * server holds for a project (read through the API, as another tab would).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface ServerProject {
  version: number;
  document: { model: { tables: { name: string }[] } };
}

export class Projects {
  constructor(readonly page: Page) {}

  async newFrom(template: 'blank' | 'ecommerce' | 'event-store' | 'multi-tenant' | 'audit-trail'): Promise<void> {
    await this.page.getByTestId('file-menu').click();
    await this.page.getByTestId(`new-${template}`).click();
  }

  /**
   * File → Save as project, answering the name dialog (`name`, else the name it suggests, else
   * "Untitled"); returns the new project's id once it is saved.
   */
  async saveAsProject(name?: string): Promise<string> {
    await this.page.getByTestId('file-menu').click();
    await this.page.getByTestId('save-project').click();
    await this.nameAndSave(name);
    return this.savedId();
  }

  /** Answers the studio's name dialog (asked by Save as project, or by Save in the unsaved-work dialog). */
  async nameAndSave(name?: string): Promise<void> {
    const input = this.page.getByTestId('name-dialog').getByTestId('name-input');
    await expect(input).toBeFocused();
    if (name !== undefined) await input.fill(name);
    else if (!(await input.inputValue()).trim()) await input.fill('Untitled');
    await this.page.getByTestId('name-save').click();
    await expect(this.page.getByTestId('name-dialog')).toHaveCount(0);
  }

  /** Answers the studio's Save / Discard / Cancel question about unsaved work; returns what it said. */
  async answerUnsaved(choice: 'save' | 'discard' | 'cancel'): Promise<string> {
    const dialog = this.page.getByTestId('unsaved-dialog');
    await expect(dialog).toBeVisible();
    const message = await dialog.getByTestId('unsaved-message').innerText();
    await dialog.getByTestId(`unsaved-${choice}`).click();
    await expect(dialog).toHaveCount(0);
    return message;
  }

  /** The open project's id once the page shows it saved. */
  async savedId(): Promise<string> {
    await expect(this.page).toHaveURL(/\/p\/[^/]+$/);
    await expect(this.page.getByTestId('save-state')).toHaveText('Saved');
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop()!);
  }

  async openDialog(): Promise<void> {
    await this.page.getByTestId('file-menu').click();
    await this.page.getByTestId('open-projects').click();
  }

  row(id: string): Locator {
    return this.page.locator(`[data-testid="project-row"][data-project="${id}"]`);
  }

  /**
   * Opens a project from the dialog (the dialog must be open) and waits until its document is on
   * the page: the address changes first, and a click on the document still shown is undone by the load.
   */
  async openFromDialog(id: string): Promise<void> {
    await this.row(id).locator('.project-open').click();
    await expect(this.page).toHaveURL(new RegExp(`/p/${id}$`));
    await expect.poll(() => this.page.evaluate(() =>
      (window as unknown as { __schemata: { store: { getState: () => { project: { id?: string } } } } }).__schemata.store.getState().project.id)).toBe(id);
  }

  /** Deletes a project from the dialog, accepting the confirmation. */
  async deleteFromDialog(id: string): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.row(id).getByRole('button', { name: 'Delete' }).click();
    await expect(this.row(id)).toHaveCount(0);
  }

  /** File → Versions…, name a version of what the server holds, close the dialog. */
  async saveVersion(label: string): Promise<void> {
    await this.openVersions();
    await this.page.getByTestId('version-label').fill(label);
    await this.page.getByTestId('version-save').click();
    await expect(this.page.locator(`[data-testid="version-row"][data-version="${label}"]`)).toBeVisible();
    await this.page.getByTestId('dialog-close').click();
  }

  async openVersions(): Promise<void> {
    await this.page.getByTestId('file-menu').click();
    await this.page.getByTestId('open-versions').click();
  }

  /** Compares two named versions with each other (the Versions dialog must be open). */
  async compareVersions(from: string, to: string): Promise<void> {
    await this.page.getByTestId('version-pair-from').selectOption({ label: from });
    await this.page.getByTestId('version-pair-to').selectOption({ label: to });
    await this.page.getByTestId('version-pair-compare').click();
  }

  async onServer(id: string): Promise<ServerProject> {
    const response = await this.page.request.get(`/api/projects/${encodeURIComponent(id)}`);
    expect(response.status(), `GET project ${id}`).toBe(200);
    return (await response.json()) as ServerProject;
  }

  async serverTables(id: string): Promise<string[]> {
    return (await this.onServer(id)).document.model.tables.map((t) => t.name);
  }
}
