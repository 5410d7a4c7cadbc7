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
  previewTitle: { zh: '表格预览：{name}', en: 'Tables: {name}' },
  scanning: { zh: '正在检查工作区中的年度报告…', en: 'Checking the annual reports in the workspace…' },
  scanDone: { zh: '共检查{files}份报告：{errors}个错误，{warnings}个警告。结果见“问题”面板。', en: 'Checked {files} report(s): {errors} error(s), {warnings} warning(s). See the Problems panel.' },
  scanNone: { zh: '工作区中没有找到年度报告（.nianbao 文件，或内容是年度报告的 .txt/.md/.html 文件）。', en: 'No annual reports found in the workspace (.nianbao files, or .txt/.md/.html files that read as reports).' },
  unreadable: { zh: '无法读取{file}：{reason}', en: 'Cannot read {file}: {reason}' },
  offerStatus: { zh: '切换为年报模式？', en: 'Switch to report mode?' },
  offerTooltip: {
    zh: '“{file}”看起来是一份政府信息公开工作年度报告。单击选择：切换为年报模式以检查章节、表格和合计，或不再询问。',
    en: '“{file}” looks like an annual report. Click to choose: switch it to the report language to check its parts, tables and totals, or stop asking.',
  },
  offerTitle: { zh: '“{file}”看起来是一份年度报告', en: '“{file}” looks like an annual report' },
  offerThisFile: { zh: '此文件', en: 'This file' },
  offerSwitch: { zh: '切换', en: 'Switch' },
  offerSwitchDetail: { zh: '切换为年报模式，检查章节、表格和合计；以后再打开此文件时也是年报模式。', en: 'Check its parts, tables and totals; it opens as a report from now on.' },
  offerFileNever: { zh: '此文件不再询问', en: 'Never ask for this file' },
  offerFileNeverDetail: { zh: '此文件保持原来的语言模式。', en: 'It keeps its language mode.' },
  offerWorkspace: { zh: '本工作区', en: 'This workspace' },
  offerWorkspaceAlways: { zh: '本工作区总是自动切换', en: 'Always switch in this workspace' },
  offerWorkspaceAlwaysDetail: { zh: '本工作区中内容是年度报告的 .txt、.md、.html 文件打开时自动切换，不再询问。', en: 'Reports in .txt, .md and .html files of this workspace switch when they open, without asking.' },
  offerWorkspaceNever: { zh: '本工作区不再询问', en: 'Never ask in this workspace' },
  offerWorkspaceNeverDetail: { zh: '本工作区中的文件不再识别，已切换的文件不受影响。', en: 'Files of this workspace are not recognised; files already switched stay reports.' },
  offerEverywhere: { zh: '所有工作区（用户设置“nianbao.detectReports”）', en: 'Everywhere (user setting nianbao.detectReports)' },
  offerEverywhereAlways: { zh: '所有工作区总是自动切换', en: 'Always switch everywhere' },
  offerEverywhereNever: { zh: '所有工作区不再询问', en: 'Never ask anywhere' },
  offerEverywhereDetail: { zh: '可随时在设置中更改。', en: 'You can change it in the settings at any time.' },
  offerNone: { zh: '当前编辑器中没有待识别的年度报告。', en: 'The active editor holds no report waiting to be recognised.' },
  forgotten: { zh: '已清除本工作区记住的{files}个文件的选择{workspace}。', en: 'Forgot the answers for {files} file(s) of this workspace{workspace}.' },
  forgottenWorkspace: { zh: '和本工作区的选择', en: ' and the workspace’s answer' },
  forgottenSetting: { zh: '用户设置“nianbao.detectReports”为“{value}”，未更改。', en: 'The user setting nianbao.detectReports is “{value}”: not changed.' },
  openSettings: { zh: '打开设置', en: 'Open Settings' },
  statusChecking: { zh: '年报：正在检查', en: 'Report: checking' },
  statusCheckingTooltip: { zh: '正在检查这份年度报告。单击打开“问题”面板。', en: 'Checking this annual report. Click to open the Problems panel.' },
  statusProblems: { zh: '年报：{count}个问题', en: 'Report: {count} problem(s)' },
  statusClean: { zh: '年报：无问题', en: 'Report: no problems' },
  statusTooltip: {
    zh: '这份年度报告：{errors}个错误，{warnings}个警告，{others}个提示。单击打开“问题”面板。',
    en: 'This annual report: {errors} error(s), {warnings} warning(s), {others} note(s). Click to open the Problems panel.',
  },
  fixAllDone: { zh: '修正全部问题：已修改{count}处。', en: 'Fix All: {count} change(s) made.' },
  tableRecomputed: { zh: '已重新计算本表的{count}个合计单元格。', en: 'Recomputed {count} total cell(s) of this table.' },
  tableNothingToRecompute: { zh: '本表合计均已正确，无需修改。', en: 'All totals of this table are already right.' },
  configProblem: {
    zh: '项目配置文件“{file}”第{line}行第{col}列有误：{problem}{more}其余设置照常生效。',
    en: 'The project configuration “{file}” has an error at line {line}, column {col}: {problem}{more} The rest of it applies.',
  },
  configMore: { zh: '另有{count}处问题。', en: ' {count} more problem(s).' },
  configTooLarge: { zh: '项目配置文件“{file}”超过1 MB，未读取。', en: 'The project configuration “{file}” is larger than 1 MB: not read.' },
  configOpen: { zh: '打开', en: 'Open' },
  exportProblems: {
    zh: '报告还有{count}处问题，导出的文件会带着这些问题。仍然导出吗？',
    en: 'The report still has {count} problem(s); the exported file would carry them. Export anyway?',
  },
  exportProblemLine: { zh: '第{line}行：{message}', en: 'Line {line}: {message}' },
  exportMoreProblems: { zh: '……另有{count}处。', en: '… and {count} more.' },
  exportAnyway: { zh: '仍然导出', en: 'Export Anyway' },
  exportBlanks: {
    zh: '表格中有{count}个空白单元格。法定表格每格都应填写数字：按0写出，还是保留空白？',
    en: 'The tables have {count} blank cell(s). Every cell of the statutory tables should hold a number: write them as 0, or leave them blank?',
  },
  exportBlanksZero: { zh: '按0写出', en: 'Write 0' },
  exportBlanksKeep: { zh: '保留空白', en: 'Leave Blank' },
  exportSaveTitleDocx: { zh: '导出为 Word 文件', en: 'Export as a Word File' },
  exportSaveTitleHtml: { zh: '导出为网页', en: 'Export as a Web Page' },
  exportFilterDocx: { zh: 'Word 文件', en: 'Word document' },
  exportFilterHtml: { zh: '网页', en: 'Web page' },
  exportDone: { zh: '已导出“{file}”。', en: 'Exported “{file}”.' },
  exportFailed: { zh: '导出失败：{reason}', en: 'Export failed: {reason}' },
  exportChanged: { zh: '报告在导出期间出现了新的问题，未导出，请重试。', en: 'New problems appeared in the report meanwhile; nothing was exported. Please retry.' },
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
