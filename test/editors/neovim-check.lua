-- Driven by neovim.test.ts: waits for the diagnostics, applies the preferred quick fix of the
-- first row-total problem through the LSP client, and writes what it saw to $NIANBAO_OUT.
local out = {}
vim.wait(20000, function() return #vim.diagnostic.get(0) >= 4 end, 100)
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, string.format('diagnostic %d:%d %s %s', d.lnum + 1, d.col + 1, d.code or '', d.message))
end
local target
for _, d in ipairs(vim.diagnostic.get(0)) do
  if d.code == 'row-total' then target = d break end
end
if target then
  local client = vim.lsp.get_active_clients()[1]
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(0),
    range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
    context = { diagnostics = { target.user_data and target.user_data.lsp or { range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } }, message = target.message, code = target.code, source = target.source, severity = target.severity } } },
  }
  local result = client.request_sync('textDocument/codeAction', params, 10000, 0)
  for _, action in ipairs(result and result.result or {}) do
    if action.isPreferred then
      table.insert(out, 'action ' .. action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
      table.insert(out, 'line ' .. vim.api.nvim_buf_get_lines(0, target.lnum, target.lnum + 1, false)[1])
    end
  end
end
vim.fn.writefile(out, vim.env.NIANBAO_OUT)
vim.cmd('qa!')
