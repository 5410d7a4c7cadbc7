// What SARIF 2.1.0 requires of what nianbao writes — required properties, enums, 1-based regions, URI
// references, and what the schema cannot say (an end not before its start) — every problem found (empty:
// valid); `sarifSchemaProblems` below validates against the schema itself.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
const LEVELS = ['none', 'note', 'warning', 'error'];

export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => void (ok || problems.push(what));
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const int = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;
  const message = (m: unknown, at: string) => need(obj(m) && (typeof m.text === 'string' || typeof m.id === 'string'), `${at}.message: text or id`);
  const uriRef = (u: unknown, at: string) => need(typeof u === 'string' && u.length > 0 && !/[\s\\]/.test(u) && !/%(?![0-9A-F]{2})/i.test(u), `${at}: a URI reference`);
  const location = (l: unknown, at: string) => {
    if (!obj(l)) return need(false, `${at}: an object`);
    const p = l.physicalLocation;
    if (p === undefined) return;
    if (!obj(p)) return need(false, `${at}.physicalLocation: an object`);
    need(obj(p.artifactLocation), `${at}.physicalLocation.artifactLocation`);
    if (obj(p.artifactLocation)) uriRef(p.artifactLocation.uri, `${at}.artifactLocation.uri`);
    const r = p.region;
    if (r === undefined) return;
    if (!obj(r)) return need(false, `${at}.region: an object`);
    need(int(r.startLine, 1), `${at}.region.startLine ≥ 1`);
    for (const k of ['startColumn', 'endLine', 'endColumn']) if (r[k] !== undefined) need(int(r[k], 1), `${at}.region.${k} ≥ 1`);
    if (r.endLine !== undefined) need((r.endLine as number) >= (r.startLine as number), `${at}.region.endLine ≥ startLine`);
    if (r.endLine === r.startLine && r.endColumn !== undefined && r.startColumn !== undefined) need((r.endColumn as number) >= (r.startColumn as number), `${at}.region.endColumn ≥ startColumn`);
  };
  if (!obj(log)) return ['log: an object'];
  need(log.version === '2.1.0', 'log.version = 2.1.0');
  need(typeof log.$schema === 'string' && /sarif-2\.1\.0/.test(log.$schema as string), 'log.$schema names 2.1.0');
  if (!Array.isArray(log.runs)) return [...problems, 'log.runs: an array'];
  log.runs.forEach((run: unknown, i) => {
    const at = `runs[${i}]`;
    if (!obj(run)) return need(false, `${at}: an object`);
    const driver = obj(run.tool) ? run.tool.driver : undefined;
    need(obj(driver) && typeof driver.name === 'string', `${at}.tool.driver.name`);
    if (obj(driver)) {
      if (driver.informationUri !== undefined) need(/^[a-z][a-z0-9+.-]*:/i.test(String(driver.informationUri)), `${at}.tool.driver.informationUri: absolute`);
      const rules = driver.rules ?? [];
      need(Array.isArray(rules), `${at}.tool.driver.rules: an array`);
      const ids = new Set<string>();
      (rules as unknown[]).forEach((r, k) => {
        need(obj(r) && typeof r.id === 'string', `${at}.rules[${k}].id`);
        if (!obj(r)) return;
        need(!ids.has(r.id as string), `${at}.rules[${k}].id unique`);
        ids.add(r.id as string);
        if (r.shortDescription !== undefined) need(obj(r.shortDescription) && typeof r.shortDescription.text === 'string', `${at}.rules[${k}].shortDescription.text`);
        if (r.helpUri !== undefined) need(/^[a-z][a-z0-9+.-]*:/i.test(String(r.helpUri)), `${at}.rules[${k}].helpUri: absolute`);
        const dc = r.defaultConfiguration;
        if (dc !== undefined) need(obj(dc) && (dc.level === undefined || LEVELS.includes(dc.level as string)), `${at}.rules[${k}].defaultConfiguration.level`);
      });
    }
    if (run.columnKind !== undefined) need(['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string), `${at}.columnKind`);
    (Array.isArray(run.results) ? run.results : (need(run.results === undefined, `${at}.results: an array`), [])).forEach((r: unknown, k: number) => {
      const rat = `${at}.results[${k}]`;
      if (!obj(r)) return need(false, `${rat}: an object`);
      message(r.message, rat);
      if (r.level !== undefined) need(LEVELS.includes(r.level as string), `${rat}.level`);
      if (r.ruleId !== undefined) need(typeof r.ruleId === 'string', `${rat}.ruleId`);
      if (r.locations !== undefined) (r.locations as unknown[]).forEach((l, n) => location(l, `${rat}.locations[${n}]`));
    });
    const invocations = run.invocations ?? [];
    (invocations as unknown[]).forEach((inv, k) => {
      const iat = `${at}.invocations[${k}]`;
      if (!obj(inv)) return need(false, `${iat}: an object`);
      need(typeof inv.executionSuccessful === 'boolean', `${iat}.executionSuccessful`);
      (Array.isArray(inv.toolExecutionNotifications) ? inv.toolExecutionNotifications : []).forEach((n: unknown, m: number) => {
        const nat = `${iat}.toolExecutionNotifications[${m}]`;
        if (!obj(n)) return need(false, `${nat}: an object`);
        message(n.message, nat);
        if (n.level !== undefined) need(LEVELS.includes(n.level as string), `${nat}.level`);
        (Array.isArray(n.locations) ? n.locations : []).forEach((l: unknown, q: number) => location(l, `${nat}.locations[${q}]`));
      });
    });
    if (run.originalUriBaseIds !== undefined) {
      for (const [k, v] of Object.entries(run.originalUriBaseIds as object)) need(obj(v) && typeof v.uri === 'string' && (v.uri as string).endsWith('/'), `${at}.originalUriBaseIds.${k}.uri ends with /`);
    }
  });
  return problems;
}

/**
 * The log against the SARIF 2.1.0 JSON schema itself (the OASIS schema, 2.1.0-rtm.5, as the
 * @microsoft/jest-sarif package carries it; draft-04, hence ajv-draft-04): every problem, empty when valid.
 */
export function sarifSchemaProblems(log: unknown): string[] {
  validate ??= compileSchema();
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

let validate: ValidateFunction | undefined;

function compileSchema(): ValidateFunction {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema's language-tag pattern is not a valid regular expression with the u flag: compiled without it.
  return new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
}
