/**
 * Where a diagnostic's code links in VS Code: its rule's section of the docs/rules.md the .vsix
 * carries, opened in the Markdown preview at the rule's heading. The server fills `{rule}` in this
 * template (initializationOptions.rulePages; server/src/lsp/rulePages.ts). VS Code runs `command:`
 * links in the Problems panel, hovers and the peek view with commands allowed. Why not a web URL:
 * this works offline, in desktop VS Code and code-server alike, and shows the page of the installed
 * version; a `file:` link would open the Markdown source, not the rendered page at the rule.
 */
export const SHOW_RULE = 'nianbao.showRule';

export const RULE_PAGES = `command:${SHOW_RULE}?${encodeURIComponent('["{rule}"]').replace(encodeURIComponent('{rule}'), '{rule}')}`;

/** The section a link names: only a rule id (the argument comes from a link anyone can write). */
export function ruleSection(id: unknown): string | null {
  return typeof id === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) ? id : null;
}
