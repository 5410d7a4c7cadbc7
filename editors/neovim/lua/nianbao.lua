-- The annual-report language server in Neovim (0.7 or later).
--
--   require('nianbao').setup({
--     server = '/path/to/nianbao/dist/server.js',   -- required: the built language server
--     filetypes = { 'nianbao', 'text', 'markdown' }, -- which buffers are reports (default shown)
--     settings = { rules = { ['cell-blank'] = 'off' }, formatVersion = 'auto' },  -- the nianbao.* settings
--   })
--
-- Diagnostics appear through vim.diagnostic; quick fixes through vim.lsp.buf.code_action();
-- the outline through vim.lsp.buf.document_symbol(); hovers through vim.lsp.buf.hover().
local M = {}

function M.setup(opts)
  opts = opts or {}
  assert(opts.server, "nianbao: setup({ server = '/path/to/dist/server.js' }) is required")
  vim.filetype.add({ extension = { nianbao = 'nianbao' } })
  local config = {
    name = 'nianbao',
    cmd = { opts.node or 'node', opts.server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    settings = { nianbao = opts.settings or {} },
  }
  local client_id = nil
  vim.api.nvim_create_autocmd('FileType', {
    pattern = opts.filetypes or { 'nianbao', 'text', 'markdown' },
    callback = function(args)
      if vim.lsp.start then
        vim.lsp.start(config, { bufnr = args.buf })
      else
        -- Neovim 0.7 (Debian 12): one client, attached to each report buffer.
        client_id = client_id or vim.lsp.start_client(config)
        vim.lsp.buf_attach_client(args.buf, client_id)
      end
    end,
  })
end

return M
