/**
 * The default size limit (MB) of a report: the language server's `nianbao.maxFileSize` default and the
 * CLI's `--max-file-size` default. One number, so the editor and the checker agree on what is too large.
 */
export const DEFAULT_MAX_FILE_SIZE_MB = 20;
