/**
 * The house style of an exported report (GB/T 9704 as government reports are printed): A4, title in
 * 方正小标宋 (二号), part headings in 黑体 and body in 仿宋 (三号), numbered leads in 楷体; each font with
 * the fallbacks a reader's machine is likely to have. The web page and the Word file both read it.
 */
export const FONTS = {
  title: ['方正小标宋简体', '方正小标宋_GBK', '小标宋', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
  heading: ['黑体', 'SimHei', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'],
  subheading: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Kaiti SC', 'Noto Serif CJK SC', 'serif'],
  body: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
  table: ['宋体', 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
} as const;

/** Sizes in points: 二号 22, 三号 16, 五号 10.5. */
export const SIZES = { title: 22, heading: 16, body: 16, table: 10.5 } as const;

/** A4 and the margins of GB/T 9704 (mm): top 37, bottom 35, left 28, right 26. */
export const PAGE = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;

/** The Chinese names of the statutory tables (as their parts introduce them), by table kind. */
export const TABLE_CAPTIONS = {
  active: '主动公开政府信息情况',
  applications: '收到和处理政府信息公开申请情况',
  reviewLitigation: '政府信息公开行政复议、行政诉讼情况',
} as const;
