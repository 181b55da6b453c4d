/**
 * Page object for the live-database panels (right pane tabs Targets, Migrate, History): targets,
 * Compare → plan → Apply with its confirmation, and the apply journal.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class LivePanels {
  constructor(readonly page: Page) {}

  async openTab(tab: 'targets' | 'migrate' | 'history'): Promise<void> {
    if (!(await this.page.getByTestId('live-tab-targets').isVisible())) await this.page.getByTestId('tab-live').click();
    await this.page.getByTestId(`live-tab-${tab}`).click();
    await expect(this.page.getByTestId(`${tab === 'migrate' ? 'migration' : tab}-panel`)).toBeVisible();
  }

  target(name: string): Locator {
    return this.page.locator(`[data-testid="target-row"][data-target-name="${name}"]`);
  }

  async addTarget(name: string, url: string, options: { protected?: boolean; shadowUrl?: string } = {}): Promise<void> {
    await this.openTab('targets');
    await this.page.getByTestId('add-target-name').fill(name);
    await this.page.getByTestId('add-target-url').fill(url);
    await this.page.getByTestId('add-target-shadow-url').fill(options.shadowUrl ?? '');
    await this.page.getByTestId('add-target-protected').setChecked(options.protected ?? false);
    await this.page.getByTestId('add-target-submit').click();
  }

  /** Unticks Protected and types the name, as the confirmation asks; the name typed may be wrong on purpose. */
  async unprotect(name: string, typed = name): Promise<void> {
    const row = this.target(name);
    await row.getByTestId('target-protect').click();
    await expect(row.getByTestId('target-unprotect-confirm')).toBeDisabled();
    await row.getByTestId('target-unprotect-name').fill(typed);
    if (typed === name) await row.getByTestId('target-unprotect-confirm').click();
  }

  async pickTarget(name: string): Promise<void> {
    await this.page.getByTestId('target-picker').selectOption({ label: name });
  }

  get plan(): { summary: Locator; steps: Locator; badges: Locator; empty: Locator; stale: Locator; sql: Locator } {
    const p = this.page;
    return {
      summary: p.getByTestId('plan-summary'),
      steps: p.getByTestId('plan-step'),
      badges: p.getByTestId('hazard-badge'),
      empty: p.getByTestId('plan-empty'),
      stale: p.getByTestId('plan-stale'),
      sql: p.getByTestId('plan-sql'),
    };
  }

  get result(): Locator {
    return this.page.getByTestId('apply-result');
  }

  /**
   * Compare, and wait until the plan (or "already equal") shows. A compare against PostgreSQL makes a
   * shadow database: 19 s of a whole journey alone, over 30 s for one compare with the suite running.
   */
  async compare(): Promise<number> {
    await this.openTab('migrate');
    await this.page.getByTestId('compare').click();
    await expect(this.plan.summary.or(this.plan.empty).or(this.page.getByTestId('compare-error'))).toBeVisible({ timeout: 60_000 });
    await expect(this.page.getByTestId('compare-error')).toHaveCount(0);
    return (await this.plan.empty.count()) ? 0 : Number(await this.plan.summary.getAttribute('data-steps'));
  }

  /** Opens the confirmation, ticks every hazard, types the name when asked, applies. */
  async apply(options: { confirmName?: string } = {}): Promise<void> {
    await this.page.getByTestId('apply').click();
    const dialog = this.page.getByTestId('apply-dialog');
    await expect(dialog).toBeVisible();
    for (const box of await dialog.getByTestId('hazard-ack').all()) await box.check();
    if (options.confirmName !== undefined) await dialog.getByTestId('confirm-name').fill(options.confirmName);
    await dialog.getByTestId('confirm-apply').click();
    await expect(dialog).toHaveCount(0);
  }

  /** Compare and apply whatever it takes to make the current target equal the model; the number of steps. */
  async syncTarget(options: { confirmName?: string } = {}): Promise<number> {
    const steps = await this.compare();
    if (steps === 0) return 0;
    await this.apply(options);
    await expect(this.result).toHaveAttribute('data-result', 'verified', { timeout: 60_000 });
    return steps;
  }

  historyEntries(): Locator {
    return this.page.getByTestId('history-entry');
  }
}
