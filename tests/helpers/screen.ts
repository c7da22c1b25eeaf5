import type { Locator, Page } from 'playwright-core'

// What a person reads on a screen, located the way they find it: by the visible label.

/** The value beside a label in a detail screen's facts grid (`<dt>label</dt><dd>value</dd>`). */
export function fact(page: Page, label: string): Locator {
  return page
    .locator('.facts__item')
    .filter({ has: page.locator('dt').getByText(label, { exact: true }) })
    .locator('dd')
}

/** The message shown beside the control named `name` (a form field's `[data-field-error]`). */
export function errorBeside(page: Page, name: string): Locator {
  return page.locator('.field', { has: page.locator(`[name="${name}"]`) }).locator('[data-field-error]')
}

/** The trimmed text of a locator, for `expect.poll`. */
export async function textOf(locator: Locator): Promise<string | undefined> {
  return (await locator.textContent())?.trim()
}

/**
 * Collects console errors and uncaught exceptions of a page. A missing /favicon.ico is the only
 * thing ignored: browsers ask for it on their own, it is no request of the app's.
 */
export function recordConsoleErrors(page: Page, into: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    if (message.location().url.endsWith('/favicon.ico')) return
    into.push(`console: ${message.text()} (${message.location().url})`)
  })
  page.on('pageerror', (error) => into.push(`pageerror: ${error.message}`))
  return into
}
