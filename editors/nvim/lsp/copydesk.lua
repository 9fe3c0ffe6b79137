-- copydesk for Neovim 0.11+: the server config that `vim.lsp.enable('copydesk')` starts.
-- Override any field with `vim.lsp.config('copydesk', {...})`; see `:help copydesk`.
local additions = require('copydesk').client_additions()

---@type vim.lsp.Config
return {
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'markdown', 'text' },
  -- The folder holding copydesk.json is where the server reads its registries from.
  root_markers = { 'copydesk.json', '.git' },
  -- Watching the registries and pulling diagnostics again when they change (lua/copydesk/init.lua).
  capabilities = additions.capabilities,
  handlers = additions.handlers,
}
