/**
 * HTML as government sites publish it, made from a report rendered with `layout: 'html'`
 * (plain lines with `<table>`s pasted in). Each transform is `(html) => html` and keeps every
 * number and label, so reading the result must give the same numbers as the input:
 * - `paragraphs`: the prose lines as `<p>` blocks (a real HTML body);
 * - `wordExport`: Word's markup, every cell `<td><p><span><font>…</font></span><o:p></o:p></p></td>`,
 *   labels split across spans, blank cells `<o:p>&nbsp;</o:p>`;
 * - `spannedHeaders`: the national template's rowspan/colspan header and label cells;
 * - `layoutPage`: the whole article in one layout `<td>`, with navigation, a menu, scripts,
 *   styles, comments and a meta table around it.
 * They compose (`layoutPage(wordExport(spannedHeaders(html)))` is what corpus 103 looks like).
 */
export type HtmlTransform = (html: string) => string;

const TABLE = /<table\b[^>]*>[\s\S]*?<\/table>/g;
const ROW = /<tr>([\s\S]*?)<\/tr>/g;
const CELL = /<td([^>]*)>([\s\S]*?)<\/td>/g;
const BLANK = '&nbsp;';

/** Every line outside a table becomes a `<p>`; blank lines go. */
export const paragraphs: HtmlTransform = (html) => {
  const out: string[] = [];
  let at = 0;
  for (const m of html.matchAll(TABLE)) {
    out.push(...blocks(html.slice(at, m.index)), m[0]);
    at = m.index! + m[0].length;
  }
  out.push(...blocks(html.slice(at)));
  return out.join('\n');
};

function blocks(text: string): string[] {
  return text.split('\n').filter((l) => l.trim()).map((l) => `<p>${l.trim()}</p>`);
}

/** Word's export of every cell and paragraph. */
export const wordExport: HtmlTransform = (html) =>
  html
    .replace(CELL, (_, attrs: string, body: string) =>
      `<td${attrs} width="64" valign="top" style="border:solid windowtext 1.0pt">\n  <p class="MsoNormal" align="center">${wordRuns(body)}</p>\n  </td>`)
    .replace(/<p>([\s\S]*?)<\/p>/g, (_, body: string) =>
      `<p class="MsoNormal" style="text-indent:2em;line-height:28pt">${wordRuns(body)}<span lang="EN-US"><o:p></o:p></span></p>`);

function wordRuns(body: string): string {
  const text = body.trim();
  if (text === BLANK || text === '') return `<span lang="EN-US"><o:p>${BLANK}</o:p></span>`;
  if (/^[\d.]+$/.test(text)) return `<span lang="EN-US" style="font-family:'Times New Roman'">${text}</span><span lang="EN-US"><o:p></o:p></span>`;
  // Word splits a label wherever the formatting changed while it was typed: '申请人情</span><span>况'.
  const cut = text.includes('&') ? text.length : Math.ceil(text.length / 2);
  const run = (s: string) => (s ? `<span style="font-family:仿宋_GB2312"><font face="仿宋_GB2312">${s}</font></span>` : '');
  return run(text.slice(0, cut)) + run(text.slice(cut)) + '<span lang="EN-US"><o:p></o:p></span>';
}

/** The national template's merged cells: header rows with rowspan/colspan, group labels spanning their rows. */
export const spannedHeaders: HtmlTransform = (html) =>
  html.replace(TABLE, (table) => {
    const rows = [...table.matchAll(ROW)].map((r) => [...r[1].matchAll(CELL)].map((c) => c[2]));
    const first = rows[0]?.[0] ?? '';
    const out = first.includes('勾稽关系') ? applicationsRows(rows)
      : first.includes('行政复议') ? reviewLitigationRows(rows)
        : first.includes('第二十条') ? activeRows(rows)
          : null;
    return out ? `<table border="1" cellspacing="0">\n${out.map((r) => `<tr>${r}</tr>`).join('\n')}\n</table>` : table;
  });

const td = (text: string, span = '') => `<td${span}>${text}</td>`;
const isBlank = (c: string) => c === BLANK || c === '';

function activeRows(rows: string[][]): string[] {
  return rows.map((r) => {
    const used = r.length - [...r].reverse().findIndex((c) => !isBlank(c));
    if (used === 1) return td(r[0], ` colspan="${r.length}"`);
    const cells = r.slice(0, used);
    const last = r.length - used + 1;
    return cells.map((c, i) => td(c, i === cells.length - 1 && last > 1 ? ` colspan="${last}"` : '')).join('');
  });
}

function applicationsRows(rows: string[][]): string[] {
  const [head, ...data] = rows;
  const cols = head.slice(1);
  const out = [
    td(head[0], ' colspan="3" rowspan="3"') + td('申请人情况', ` colspan="${cols.length}"`),
    td(cols[0], ' rowspan="2"') + td('法人或其他组织', ` colspan="${cols.length - 2}"`) + td(cols[cols.length - 1], ' rowspan="2"'),
    cols.slice(1, -1).map((c) => td(c)).join(''),
  ];
  const isGroup = (r: string[]) => r.slice(1).every(isBlank);
  const isSub = (r: string[]) => /^\d+\./.test(r[0]);
  const results = data.findIndex((r) => r[0].startsWith('三、'));
  const resultsEnd = data.findIndex((r) => r[0].startsWith('四、'));
  let pending = '';
  data.forEach((r, i) => {
    const values = r.slice(1).map((c) => td(c)).join('');
    if (i === results) {
      const span = data.slice(i + 1, resultsEnd).filter((x) => !isGroup(x)).length;
      pending = td(r[0], ` rowspan="${span}"`);
    } else if (i > results && i < resultsEnd && isGroup(r)) {
      let n = 0;
      while (i + 1 + n < resultsEnd && isSub(data[i + 1 + n])) n++;
      pending += td(r[0], ` rowspan="${n}"`);
    } else {
      const inResults = i > results && i < resultsEnd;
      const label = !inResults ? td(r[0], ' colspan="3"') : isSub(r) ? td(r[0]) : td(r[0], ' colspan="2"');
      out.push(pending + label + values);
      pending = '';
    }
  });
  return out;
}

function reviewLitigationRows(rows: string[][]): string[] {
  const [groups, outcomes, ...data] = rows;
  const names = groups.filter((c) => !isBlank(c)).map((c) => c.replace(/^行政诉讼[:：]/, ''));
  return [
    td(names[0], ' colspan="5" rowspan="2"') + td('行政诉讼', ' colspan="10"'),
    td(names[1], ' colspan="5"') + td(names[2], ' colspan="5"'),
    outcomes.map((c) => td(c)).join(''),
    ...data.map((r) => r.map((c) => td(c)).join('')),
  ];
}

/** The whole article in one cell of a layout table, with the site around it. */
export const layoutPage: HtmlTransform = (html) => {
  const title = (/<p[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '').replace(/<[^>]*>/g, '');
  return [
    '<!DOCTYPE html>', '<html>', '<head>', '<meta charset="utf-8">', `<title>${title}-某县人民政府</title>`,
    '<style>td.main p { text-indent: 2em } /* 一、总体情况 */</style>',
    '<script>var nav = "<table><tr><td>三、收到和处理政府信息公开申请情况</td></tr></table>"; if (a < b) {}</script>',
    '</head>', '<body>',
    '<!-- 一、总体情况 (a comment the site left) -->',
    '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/nb">政府信息公开年报</a></li></ul></div>',
    '<table width="1000" class="layout"><tr>',
    '<td class="side" width="200"><table><tr><td><a href="/nb">年度报告</a></td></tr><tr><td><a href="/zn">公开指南</a></td></tr></table>',
    '<select onchange="go(this)"><option>部门网站</option><option>二、主动公开政府信息情况</option></select></td>',
    '<td class="main" valign="top">',
    '<table class="meta"><tr><td>索引号</td><td>000000/2024-00001</td><td>发布机构</td><td>某县某局</td></tr>',
    `<tr><td>名称</td><td colspan="3">${title}</td></tr><tr><td>文号</td><td></td><td>公开日期</td><td>2024-01-15</td></tr></table>`,
    html,
    '</td></tr>',
    '<tr><td colspan="2"><div class="footer">版权所有：某县人民政府　主办：某县人民政府办公室</div></td></tr>',
    '</table>',
    '<script type="text/javascript">document.write("<p>四、政府信息公开行政复议、行政诉讼情况</p>");</script>',
    '</body>', '</html>',
  ].join('\n');
};

/** Every transform by name, and the compositions real pages show. */
export const HTML_TRANSFORMS: Record<string, HtmlTransform> = {
  paragraphs,
  wordExport: (h) => wordExport(paragraphs(h)),
  spannedHeaders,
  layoutPage: (h) => layoutPage(paragraphs(h)),
  sitePage: (h) => layoutPage(wordExport(paragraphs(spannedHeaders(h)))),
};
