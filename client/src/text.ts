import type { Text } from '../../server/src/core';

/** Everything the VS Code client says at run time, in both languages (manifest strings: manifest.ts). */
export const CLIENT_TEXT = {
  serverName: { zh: '政府信息公开年报', en: 'Annual report checker' },
  issuerPrompt: { zh: '报告机关名称（例如：某某县人民政府办公室）', en: 'Issuing body (e.g. the county government office)' },
  issuerRequired: { zh: '请填写报告机关名称。', en: 'Please enter the issuing body.' },
  yearPrompt: { zh: '报告年度（统计期限的年份，例如{year}）', en: 'Report year (the statistics period’s year, e.g. {year})' },
  yearInvalid: { zh: '请输入2019至{max}之间的四位年份。', en: 'Enter a four-digit year from 2019 to {max}.' },
  notAReport: { zh: '当前编辑器中不是年度报告（语言模式不是“政府信息公开年报”）。', en: 'The active editor is not an annual report (language mode is not the report language).' },
  recomputed: { zh: '已重新计算{count}个合计单元格。', en: 'Recomputed {count} total cell(s).' },
  nothingToRecompute: { zh: '全部合计均已正确，无需修改。', en: 'All totals are already right.' },
  simplified: { zh: '已转换为简体中文（{count}处修改），数字和表格位置未变。', en: 'Converted to Simplified Chinese ({count} edit(s)); numbers and tables are where they were.' },
  nothingToSimplify: { zh: '文档中没有需要转换的繁体字。', en: 'There is no Traditional Chinese to convert.' },
  recomputeRefused: { zh: '文档在计算期间已被修改，未应用修改，请重试。', en: 'The document changed meanwhile; nothing was applied. Please retry.' },
  scanning: { zh: '正在检查工作区中的年度报告…', en: 'Checking the annual reports in the workspace…' },
  scanDone: { zh: '共检查{files}份报告：{errors}个错误，{warnings}个警告。结果见“问题”面板。', en: 'Checked {files} report(s): {errors} error(s), {warnings} warning(s). See the Problems panel.' },
  scanNone: { zh: '工作区中没有找到年度报告（.nianbao 文件，或内容是年度报告的 .txt/.md/.html 文件）。', en: 'No annual reports found in the workspace (.nianbao files, or .txt/.md/.html files that read as reports).' },
  unreadable: { zh: '无法读取{file}：{reason}', en: 'Cannot read {file}: {reason}' },
  detectAsk: { zh: '“{file}”看起来是一份政府信息公开工作年度报告。切换为年报模式以检查章节、表格和合计吗？', en: '“{file}” looks like an annual report. Switch to the report language to check its parts, tables and totals?' },
  detectSwitch: { zh: '切换', en: 'Switch' },
  detectAlways: { zh: '总是自动切换', en: 'Always switch' },
  detectNever: { zh: '不再询问', en: 'Never ask' },
  statusTooltip: { zh: '年度报告检查：{errors}个错误，{warnings}个警告。单击打开“问题”面板。', en: 'Annual report: {errors} error(s), {warnings} warning(s). Click to open the Problems panel.' },
  statusClean: { zh: '年报无问题', en: 'Report OK' },
  configProblem: {
    zh: '项目配置文件“{file}”第{line}行第{col}列有误：{problem}{more}其余设置照常生效。',
    en: 'The project configuration “{file}” has an error at line {line}, column {col}: {problem}{more} The rest of it applies.',
  },
  configMore: { zh: '另有{count}处问题。', en: ' {count} more problem(s).' },
  configTooLarge: { zh: '项目配置文件“{file}”超过1 MB，未读取。', en: 'The project configuration “{file}” is larger than 1 MB: not read.' },
  configOpen: { zh: '打开', en: 'Open' },
  importPick: { zh: '选择要导入的报告（Word、PDF 或网页）', en: 'Pick the report to import (Word, PDF or web page)' },
  importFilter: { zh: '收到的报告', en: 'Received reports' },
  importKind: { zh: '无法导入“{file}”：只能导入 .docx、.pdf、.html 或 .htm 文件。', en: 'Cannot import “{file}”: only .docx, .pdf, .html and .htm files are imported.' },
  importTooLarge: { zh: '未导入“{file}”：文件超过上限{limit} MB（设置“nianbao.maxFileSize”）。', en: 'Not imported “{file}”: larger than the limit of {limit} MB (setting nianbao.maxFileSize).' },
  importOffer: {
    zh: '“{file}”看起来是一份政府信息公开工作年度报告。导入为文本（Markdown 表格）以检查章节、表格和合计吗？',
    en: '“{file}” looks like an annual report. Import it as text (Markdown tables) to check its parts, tables and totals?',
  },
  importAction: { zh: '导入', en: 'Import' },
} satisfies Record<string, Text>;

/**
 * A file name (or error text) for a notification. Notifications turn `[label](command:…)` and
 * `[label](https://…)` into links; a file named like one must not become a link that runs a
 * command or opens a site when clicked. A zero-width space between `]` and `(` keeps it plain text.
 */
export function noLinks(s: string): string {
  return s.replace(/\]\s*\(/g, ']\u200b(');
}
