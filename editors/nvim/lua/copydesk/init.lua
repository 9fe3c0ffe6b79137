-- copydesk for Neovim 0.9 and 0.10, which have no `vim.lsp.config`: `require('copydesk').setup()`
-- starts the server with `vim.lsp.start` for each Markdown and text buffer. On 0.11+ prefer
-- `vim.lsp.enable('copydesk')`, which reads lsp/copydesk.lua. See `:help copydesk`.
local M = {}

-- The same defaults as lsp/copydesk.lua.
local defaults = {
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { 'copydesk.json', '.git' },
}

-- The nearest folder above the buffer's file that holds one of the markers, nil when none does
-- (the server then runs without a workspace folder, on the registries it is given).
local function root_dir(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then
    return nil
  end
  local found = vim.fs.find(markers, { path = vim.fs.dirname(name), upward = true })[1]
  return found and vim.fs.dirname(found) or nil
end

local function start(bufnr, opts)
  -- Only buffers that hold a file or a new draft: not help, hover windows or other scratch buffers
  -- that share the filetype.
  if vim.bo[bufnr].buftype ~= '' then
    return
  end
  vim.lsp.start({
    name = 'copydesk',
    cmd = opts.cmd,
    root_dir = root_dir(bufnr, opts.root_markers),
    init_options = opts.init_options,
    settings = opts.settings,
    capabilities = opts.capabilities,
    on_attach = opts.on_attach,
  }, { bufnr = bufnr })
end

--- Starts copydesk for Markdown and text buffers, now and from then on.
--- @param opts table|nil `cmd`, `filetypes`, `root_markers`, `init_options`, `settings`,
---   `capabilities`, `on_attach`; unset fields keep the defaults above.
function M.setup(opts)
  opts = vim.tbl_extend('force', defaults, opts or {})
  local group = vim.api.nvim_create_augroup('copydesk', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      start(args.buf, opts)
    end,
  })
  -- Buffers opened before setup() ran (a file given on the command line) start too.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(opts.filetypes, vim.bo[bufnr].filetype) then
      start(bufnr, opts)
    end
  end
end

return M
