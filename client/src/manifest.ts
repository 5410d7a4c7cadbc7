import type { Text } from '../../server/src/core';

/**
 * The manifest's strings (package.json `%key%`): scripts/build-manifest.ts writes them to
 * package.nls.json (English, VS Code's default) and package.nls.zh-cn.json (Chinese).
 */
export const MANIFEST_TEXT: Record<string, Text> = {
  'extension.displayName': { zh: '政府信息公开年报检查', en: 'Government Information Disclosure Annual Report Checker' },
  'extension.description': {
    zh: '编写和审核《政府信息公开工作年度报告》：实时检查章节、法定表格、合计与结转勾稽关系，一键修正。',
    en: 'Write and review the statutory annual report on government-information disclosure: parts, statutory tables, totals and the carry-over balance checked as you type, fixed with one click.',
  },
  'language.name': { zh: '政府信息公开年报', en: 'Annual Report (Government Information Disclosure)' },
  // The command palette matches “category: title”, and in a Chinese VS Code also the English one: “nianbao” and “年报” both find every command.
  'category': { zh: '年报', en: 'Nianbao (Annual Report)' },
  'command.newReport': { zh: '新建年度报告', en: 'New Annual Report' },
  'command.recomputeTotals': { zh: '重新计算全部合计', en: 'Recompute All Totals' },
  'command.toSimplified': { zh: '转换为简体中文', en: 'Convert to Simplified Chinese' },
  'command.showPreview': { zh: '预览表格', en: 'Preview the Tables' },
  'command.exportDocx': { zh: '导出为 Word', en: 'Export as Word' },
  'command.exportHtml': { zh: '导出为网页', en: 'Export as Web Page' },
  'command.checkWorkspace': { zh: '检查工作区中的全部报告', en: 'Check All Reports in the Workspace' },
  'command.reviewWorkspace': { zh: '生成审查清单', en: 'Write the Review Page of the Workspace' },
  'command.showOutput': { zh: '显示输出', en: 'Show Output' },
  'command.chooseReportMode': { zh: '按年度报告检查此文件…', en: 'Check This File as an Annual Report…' },
  'command.forgetReportAnswers': { zh: '重置报告识别记忆', en: 'Reset Report Detection Memory' },
  'command.acceptFinding': { zh: '标记为已核实', en: 'Mark Finding as Verified' },
  'command.importReport': { zh: '导入报告', en: 'Import Report' },
  'config.title': { zh: '政府信息公开年报', en: 'Annual Report' },
  'config.rules': {
    zh: '每条检查规则的严重程度：error（错误）、warning（警告）、information（信息）、hint（提示）或 off（关闭）。未列出的规则使用默认值。',
    en: 'Severity of each rule: error, warning, information, hint, or off. Rules not listed keep their default.',
  },
  'config.formatVersion': { zh: '按哪一版法定格式检查报告。', en: 'Which statutory format to check reports against.' },
  'config.formatVersion.auto': { zh: '自动：根据表格本身判断，其次根据报告年度（2021年及以后用2021年版）。', en: 'Automatic: from the tables themselves, then the report year (2021 and later: the 2021 format).' },
  'config.formatVersion.2019': { zh: '2019年版格式（国办公开办函〔2019〕60号，用于2019、2020年度报告）。', en: 'The 2019 format (for the 2019 and 2020 reports).' },
  'config.formatVersion.2021': { zh: '2021年版格式（国办公开办函〔2021〕30号，用于2021年度及以后的报告）。', en: 'The 2021 format (for the 2021 report on).' },
  'config.blankAsZero': {
    zh: '核对合计时将空白单元格按0计算，并在提示中说明。默认不按0计算：含空白单元格的行不核对合计。',
    en: 'Check the totals counting blank cells as 0, and say so in the messages. Off by default: rows with a blank cell are not added up.',
  },
  'config.detectReports': {
    zh: '打开 .txt、.md 或 .html 文件时，如果内容是年度报告，如何处理（所有工作区）。对某个文件或某个工作区作出的选择优先于此设置，可用命令“重置报告识别记忆”清除。',
    en: 'What to do when an opened .txt, .md or .html file reads as an annual report (everywhere). An answer given for a file or a workspace comes first; the command “Reset Report Detection Memory” forgets them.',
  },
  'config.detectReports.ask': { zh: '在状态栏中提供切换为年报模式的选项，记住对每个文件的选择。', en: 'Offer the switch in the status bar and remember the answer for each file.' },
  'config.detectReports.switch': { zh: '自动切换为年报模式。', en: 'Switch it to the report language automatically.' },
  'config.detectReports.off': { zh: '不识别。', en: 'Do nothing.' },
  'config.reportFiles': {
    zh: '始终按年度报告打开的文件（glob 模式，例如 `**/年报/**/*.txt`），无需询问。`.nianbao` 文件总是年度报告。',
    en: 'Files always opened as annual reports, without asking (glob patterns, e.g. `**/reports/**/*.txt`). `.nianbao` files always are.',
  },
  'config.maxFileSize': { zh: '超过此大小（MB）的文档只检查章节结构，不检查表格和合计，以免编辑器卡顿。', en: 'Documents above this size (MB) get only the part-structure checks, never a frozen editor.' },
  'config.trace': { zh: '记录与语言服务器之间的通信（用于排查问题）。', en: 'Trace the communication with the language server (for troubleshooting).' },
  'untrusted': { zh: '本扩展只读取文档文本，不执行文档中的任何内容，在受限模式下功能完整。', en: 'The extension only reads the text of documents and executes nothing in them: fully functional in Restricted Mode.' },
  'virtual': { zh: '通过编辑器同步的文本检查，虚拟工作区中同样可用。', en: 'Checks the text the editor syncs, so it works in virtual workspaces too.' },
};

/**
 * When VS Code starts the extension: for the report language, and for the languages a received report
 * comes in (plain text, Markdown, HTML), so that one opened first in a window is recognised. Activation
 * costs little there: the language server starts only once a report is open (serverStart.ts).
 */
export const ACTIVATION_EVENTS = ['onLanguage:plaintext', 'onLanguage:markdown', 'onLanguage:html', 'workspaceContains:**/*.nianbao', 'workspaceContains:**/*.docx', 'workspaceContains:**/*.pdf'];

/** The descriptions of the project configuration's JSON schema (a schema is not translated: both languages). */
export const CONFIG_SCHEMA_TEXT: Record<string, Text> = {
  title: {
    zh: '年报检查的项目配置：从报告所在文件夹向上最近的 .nianbao.jsonc 生效，命令行检查和编辑器都读取它；它写明的设置优先于编辑器设置。',
    en: 'Project configuration of the annual report checker: the nearest .nianbao.jsonc up from a report applies, in the command-line checker and the editor; what it says beats the editor settings.',
  },
  ignore: {
    zh: '不检查的文件：与 .gitignore 相同的模式，相对于本文件所在的文件夹，例如“草稿/”“**/*.old.txt”。',
    en: 'Files not checked: patterns as in .gitignore, relative to this file’s folder, e.g. "drafts/", "**/*.old.txt".',
  },
};
