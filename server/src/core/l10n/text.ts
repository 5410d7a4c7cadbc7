/** A user-facing text in both languages; Chinese is the default. */
export interface Text {
  zh: string;
  en: string;
}

export type Lang = 'zh-CN' | 'en';

export type MessageArg = string | number | Text;

/** A message to render later in the user's language: a template and its arguments. */
export interface Message {
  template: Text;
  args: Record<string, MessageArg>;
}

export function msg(template: Text, args: Record<string, MessageArg> = {}): Message {
  return { template, args };
}

export function isText(a: unknown): a is Text {
  return typeof a === 'object' && a !== null && 'zh' in a && 'en' in a;
}

/** Fills '{name}' placeholders; an unknown placeholder stays as written. */
export function render(m: Message, lang: Lang): string {
  const t = lang === 'en' ? m.template.en : m.template.zh;
  return t.replace(/\{(\w+)\}/g, (all, name: string) => {
    const a = m.args[name];
    if (a === undefined) return all;
    if (isText(a)) return lang === 'en' ? a.en : a.zh;
    return String(a);
  });
}

export function resolveLang(tag: string | undefined | null): Lang {
  return tag && /^en\b/i.test(tag) ? 'en' : 'zh-CN';
}

const FULL_WIDTH: Record<string, string> = { '(': '（', ')': '）', ':': '：', ',': '，', ';': '；' };

/** A Chinese label of the format data as official documents print it: full-width （）：，；. */
export function fullWidth(zh: string): string {
  return zh.replace(/[():,;]/g, (c) => FULL_WIDTH[c]);
}
