import type { Text } from './l10n/text';

/** What is said about a project configuration file (`.nianbao.jsonc`); the adapters add where. */
export const CONFIG_TEXT = {
  syntax: { zh: 'JSON 语法错误：{what}。', en: 'JSON syntax error: {what}.' },
  notObject: { zh: '项目配置应为一个对象（“{…}”）。', en: 'The project configuration must be an object ({…}).' },
  unknownKey: { zh: '未知的设置“{key}”，可用的设置有{keys}。', en: 'Unknown setting “{key}”; the settings are {keys}.' },
  rulesNotObject: { zh: '“rules”应为对象：规则编号对应严重程度。', en: '“rules” must be an object: rule id → severity.' },
  unknownRule: { zh: '未知的规则“{rule}”。', en: 'Unknown rule “{rule}”.' },
  badSeverity: {
    zh: '规则“{rule}”的严重程度应为 error、warning、information、hint 或 off。',
    en: 'The severity of “{rule}” must be error, warning, information, hint or off.',
  },
  badFormatVersion: { zh: '“formatVersion”应为“auto”“2019”或“2021”，实际为{value}。', en: '“formatVersion” must be "auto", "2019" or "2021", not {value}.' },
  badBoolean: { zh: '“blankAsZero”应为 true 或 false，实际为{value}。', en: '“blankAsZero” must be true or false, not {value}.' },
  badIgnore: { zh: '“ignore”应为模式（字符串）的数组。', en: '“ignore” must be an array of patterns (strings).' },
  badPattern: { zh: '“ignore”中的{value}不是模式（应为非空字符串）。', en: '{value} in “ignore” is not a pattern (a non-empty string).' },
  costlyPattern: {
    zh: '忽略模式“{pattern}”中的“**”过多（开头的“**/”和结尾的“/**”之外最多一个），已跳过。',
    en: 'The pattern “{pattern}” has too many “**” (at most one besides a leading “**/” and a trailing “/**”): skipped.',
  },
  /** A problem as the CLI says it after `path:line:col`. */
  problemAt: { zh: '项目配置有误：{problem}', en: 'error in the project configuration: {problem}' },
} satisfies Record<string, Text>;

/** jsonc-parser's ParseErrorCode → what it means. */
export const SYNTAX_TEXT: Record<number, Text> = {
  1: { zh: '无效的符号', en: 'invalid symbol' },
  2: { zh: '数字格式无效', en: 'invalid number' },
  3: { zh: '此处应为属性名', en: 'property name expected' },
  4: { zh: '此处应为值', en: 'value expected' },
  5: { zh: '缺少冒号', en: 'colon expected' },
  6: { zh: '缺少逗号', en: 'comma expected' },
  7: { zh: '缺少右花括号“}”', en: '“}” expected' },
  8: { zh: '缺少右方括号“]”', en: '“]” expected' },
  9: { zh: '此处文件应已结束', en: 'end of file expected' },
  10: { zh: '注释无效', en: 'invalid comment' },
  11: { zh: '注释没有结束', en: 'unterminated comment' },
  12: { zh: '字符串没有结束', en: 'unterminated string' },
  13: { zh: '数字没有结束', en: 'unterminated number' },
  14: { zh: 'Unicode 转义无效', en: 'invalid Unicode escape' },
  15: { zh: '转义字符无效', en: 'invalid escape character' },
  16: { zh: '字符串中有无效字符', en: 'invalid character in a string' },
};
