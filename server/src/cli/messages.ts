import { render, type Lang, type Text } from '../core';

/** Everything the CLI itself says, in both languages (rule messages come from the core). */
export const CLI_TEXT = {
  usage: {
    zh: [
      '用法：nianbao check [选项] 路径...',
      '',
      '检查《政府信息公开工作年度报告》：章节、法定表格、合计与结转勾稽关系。',
      '路径可以是文件、目录（查找其中的 .txt .md .html .htm 文件）或 -（标准输入）。',
      '',
      '选项：',
      '  --format text|json        输出格式（默认 text）',
      '  --lang zh-CN|en           消息语言（默认 zh-CN）',
      '  --format-version auto|2019|2021  按哪一版格式检查（默认 auto：从表格和年份判断）',
      '  --blank-as-zero           核对合计时将空白单元格按0计算',
      '  -h, --help                显示本帮助',
      '  -v, --version             显示版本',
      '',
      '退出码：0表示没有错误；1表示发现错误；2表示用法错误或有文件无法读取。',
    ].join('\n'),
    en: [
      'Usage: nianbao check [options] PATH...',
      '',
      'Checks government-information-disclosure annual reports: parts, statutory tables, totals and the carry-over balance.',
      'A PATH is a file, a directory (searched for .txt .md .html .htm) or - for standard input.',
      '',
      'Options:',
      '  --format text|json        output format (default text)',
      '  --lang zh-CN|en           message language (default zh-CN)',
      '  --format-version auto|2019|2021  format to check against (default auto: from the tables and the year)',
      '  --blank-as-zero           check the totals counting blank cells as 0',
      '  -h, --help                show this help',
      '  -v, --version             show the version',
      '',
      'Exit code: 0 no errors; 1 errors found; 2 usage error or an unreadable file.',
    ].join('\n'),
  },
  usageError: { zh: '用法错误：{problem}', en: 'Usage error: {problem}' },
  unknownCommand: { zh: '未知命令“{value}”（可用命令：check）', en: 'unknown command “{value}” (available: check)' },
  unknownOption: { zh: '未知选项“{value}”', en: 'unknown option “{value}”' },
  badValue: { zh: '选项“{flag}”的值“{value}”无效', en: 'invalid value “{value}” for {flag}' },
  noPaths: { zh: '没有给出要检查的文件或目录', en: 'no file or directory to check was given' },
  notFound: { zh: '无法读取“{path}”：文件或目录不存在。', en: 'Cannot read “{path}”: no such file or directory.' },
  unreadable: { zh: '无法读取“{path}”：{reason}', en: 'Cannot read “{path}”: {reason}' },
  binary: { zh: '无法读取“{path}”：这不是文本文件（可能是 Word、PDF 或图片，请先另存为文本）。', en: 'Cannot read “{path}”: not a text file (a Word, PDF or image file? Save it as text first).' },
  emptyDir: { zh: '目录“{path}”中没有 .txt、.md、.html 或 .htm 文件。', en: 'Directory “{path}” has no .txt, .md, .html or .htm files.' },
  summary: {
    zh: '共检查{files}个文件：{errors}个错误，{warnings}个警告，{others}个提示。',
    en: 'Checked {files} file(s): {errors} error(s), {warnings} warning(s), {others} note(s).',
  },
} satisfies Record<string, Text>;

export function t(text: Text, lang: Lang, args: Record<string, string | number> = {}): string {
  return render({ template: text, args }, lang);
}
