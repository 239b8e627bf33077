// Types of the <hedui-checker> element (hedui-checker.js; importing it defines the element).
import type { CheckReport, HeduiReportEvent } from './hedui.js';

/**
 * A paste area, a score line and the findings of the pasted document. Attributes: `lang`
 * (`zh` default, `en`), `categories` (rule categories, space- or comma-separated). Dispatches
 * `hedui-report` (detail: the report) after each check.
 */
export class HeduiChecker extends HTMLElement {
  /** The text in the paste area; setting it checks it at once. */
  value: string;
  /** The last report, or null (nothing checked yet, or the input was refused). */
  readonly report: CheckReport | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'hedui-checker': HeduiChecker;
  }
  interface HTMLElementEventMap {
    'hedui-report': HeduiReportEvent;
  }
}
