import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where a diagnostic's code links (`codeDescription.href`), as ESLint and markdownlint do: its rule's
 * section of docs/rules.md, whose anchor is the rule id (each rule is a heading `` ### `rule-id` ``).
 * A template with `{rule}`: by default the page shipped beside the bundle (`file:` works offline in any
 * editor); a client may give its own in `initializationOptions.rulePages` (the VS Code client: a
 * `command:` URI that opens the shipped page in the Markdown preview at the rule's section).
 */
export const RULE_PLACEHOLDER = '{rule}';

export function shippedRulePages(): string {
  return `${pathToFileURL(join(__dirname, '..', 'docs', 'rules.md')).href}#${RULE_PLACEHOLDER}`;
}

/** The client's template if it is one (a string naming `{rule}`), else the shipped page. */
export function rulePagesOf(initializationOptions: unknown): string {
  const t = (initializationOptions as { rulePages?: unknown } | null | undefined)?.rulePages;
  return typeof t === 'string' && t.includes(RULE_PLACEHOLDER) ? t : shippedRulePages();
}

export function rulePage(template: string, ruleId: string): string {
  return template.split(RULE_PLACEHOLDER).join(encodeURIComponent(ruleId));
}
