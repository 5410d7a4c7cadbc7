import { render, type Lang, type Text } from '../core';
import type { MessageArg } from '../core/l10n/text';

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
      '  --max-file-size MB        大于此大小（MB）的文件不予检查（默认{limit}，与编辑器设置“nianbao.maxFileSize”相同）',
      '  -h, --help                显示本帮助',
      '  -v, --version             显示版本',
      '',
      '退出码：',
      '  0：没有错误（可以有警告）',
      '  1：发现错误',
      '  2：用法错误，或有文件无法读取、无法检查（原因写在标准错误上，其他文件照常检查）',
      '  3：无法写出检查结果（如磁盘已满、管道已关闭），检查随即停止',
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
      '  --max-file-size MB        files larger than this (MB) are not checked (default {limit}, as the editor setting nianbao.maxFileSize)',
      '  -h, --help                show this help',
      '  -v, --version             show the version',
      '',
      'Exit codes:',
      '  0: no errors (warnings allowed)',
      '  1: errors found',
      '  2: a usage error, or a file that could not be read or checked (said on standard error; the other files are still checked)',
      '  3: the results could not be written (a full disk, a closed pipe): checking stops',
    ].join('\n'),
  },
  usageError: { zh: '用法错误：{problem}', en: 'Usage error: {problem}' },
  unknownCommand: { zh: '未知命令“{value}”（可用命令：check）', en: 'unknown command “{value}” (available: check)' },
  unknownOption: { zh: '未知选项“{value}”', en: 'unknown option “{value}”' },
  badValue: { zh: '选项“{flag}”的值“{value}”无效', en: 'invalid value “{value}” for {flag}' },
  noPaths: { zh: '没有给出要检查的文件或目录', en: 'no file or directory to check was given' },
  notFound: { zh: '无法读取“{path}”：文件或目录不存在。', en: 'Cannot read “{path}”: no such file or directory.' },
  danglingLink: { zh: '无法读取“{path}”：符号链接指向的文件不存在。', en: 'Cannot read “{path}”: the symbolic link points to nothing.' },
  linkLoop: { zh: '无法读取“{path}”：符号链接形成循环。', en: 'Cannot read “{path}”: the symbolic links form a loop.' },
  dirLoop: { zh: '跳过“{path}”：此符号链接指向它所在的上级目录，进入会形成循环。', en: 'Skipped “{path}”: the symbolic link points to a directory that contains it (a loop).' },
  unreadable: { zh: '无法读取“{path}”：{reason}', en: 'Cannot read “{path}”: {reason}' },
  unreadableDir: { zh: '无法读取目录“{path}”：{reason}', en: 'Cannot read the directory “{path}”: {reason}' },
  permissionDenied: { zh: '没有读取权限。', en: 'permission denied.' },
  readFailed: { zh: '读取失败（{code}）。', en: 'read failed ({code}).' },
  notRegular: { zh: '无法读取“{path}”：不是普通文件（是{kind}），未打开。', en: 'Cannot read “{path}”: not a regular file (it is {kind}); not opened.' },
  fifo: { zh: '命名管道', en: 'a named pipe' },
  socket: { zh: '套接字', en: 'a socket' },
  charDevice: { zh: '字符设备', en: 'a character device' },
  blockDevice: { zh: '块设备', en: 'a block device' },
  special: { zh: '特殊文件', en: 'a special file' },
  tooLarge: {
    zh: '未检查“{path}”：文件过大（{size} MB，超过上限{limit} MB）。可用选项“--max-file-size”调整上限。',
    en: 'Not checked “{path}”: the file is too large ({size} MB, above the limit of {limit} MB). The limit is set with --max-file-size.',
  },
  tooLargeRead: {
    zh: '未检查“{path}”：内容超过上限{limit} MB。可用选项“--max-file-size”调整上限。',
    en: 'Not checked “{path}”: its content is larger than the limit of {limit} MB. The limit is set with --max-file-size.',
  },
  binary: { zh: '无法读取“{path}”：这不是文本文件（可能是 Word、PDF 或图片，请先另存为文本）。', en: 'Cannot read “{path}”: not a text file (a Word, PDF or image file? Save it as text first).' },
  internalError: {
    zh: '检查“{path}”时出现内部错误（{reason}），此文件未能检查；其他文件照常检查。',
    en: 'Internal error while checking “{path}” ({reason}): this file could not be checked; the other files are.',
  },
  emptyDir: { zh: '目录“{path}”中没有 .txt、.md、.html 或 .htm 文件。', en: 'Directory “{path}” has no .txt, .md, .html or .htm files.' },
  outputFailed: { zh: 'nianbao：无法写出检查结果（{reason}），检查已停止。', en: 'nianbao: the results could not be written ({reason}); checking stopped.' },
  noSpace: { zh: '磁盘已满', en: 'no space left on the device' },
  writeFailed: { zh: '写入失败：{code}', en: 'write failed: {code}' },
  summary: {
    zh: '共检查{files}个文件：{errors}个错误，{warnings}个警告，{others}个提示。',
    en: 'Checked {files} file(s): {errors} error(s), {warnings} warning(s), {others} note(s).',
  },
  /** The summary when comments silenced findings: they are counted, never lost silently. */
  summarySilenced: {
    zh: '共检查{files}个文件：{errors}个错误，{warnings}个警告，{others}个提示，另有{silenced}处已忽略。',
    en: 'Checked {files} file(s): {errors} error(s), {warnings} warning(s), {others} note(s); {silenced} more silenced by comments.',
  },
} satisfies Record<string, Text>;

export function t(text: Text, lang: Lang, args: Record<string, MessageArg> = {}): string {
  return render({ template: text, args }, lang);
}
