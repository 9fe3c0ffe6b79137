-- copydesk for Neovim 0.9 and 0.10, which have no `vim.lsp.config`: `require('copydesk').setup()`
-- starts the server with `vim.lsp.start` for each Markdown and text buffer. On 0.11+ prefer
-- `vim.lsp.enable('copydesk')`, which reads lsp/copydesk.lua. `open_entity()` works with either.
-- See `:help copydesk`.
local M = {}

-- The same defaults as lsp/copydesk.lua.
local defaults = {
  cmd = { 'copydesk', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { 'copydesk.json', '.git' },
}

local REFRESH = 'workspace/diagnostic/refresh'

-- Neovim 0.10 and 0.11 pull diagnostics but answer no `workspace/diagnostic/refresh`: the server
-- then cannot ask them to pull again when a registry changes on disk, and a finding the new
-- registry clears (an accepted spelling) would stay until the draft is next edited. Where
-- Neovim has no handler of its own, the plugin brings one: it pulls again for every buffer the
-- server is attached to.
local function refresh(_, _, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  for bufnr in pairs(client and client.attached_buffers or {}) do
    local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
    if vim.fn.has('nvim-0.11') == 1 then
      client:request('textDocument/diagnostic', params, vim.lsp.diagnostic.on_diagnostic, bufnr)
    else
      client.request('textDocument/diagnostic', params, vim.lsp.diagnostic.on_diagnostic, bufnr)
    end
  end
  return vim.NIL
end

--- What the client needs beyond Neovim's defaults: `capabilities` and `handlers` for
--- `vim.lsp.start` or `vim.lsp.config` (lsp/copydesk.lua uses them).
function M.client_additions()
  -- Neovim watches files for a server only on macOS and Windows by default, because its Linux
  -- backends are slow on large trees; copydesk asks for its config and registry files alone.
  local additions = {
    capabilities = { workspace = { didChangeWatchedFiles = { dynamicRegistration = true } } },
    handlers = {},
  }
  if vim.lsp.handlers[REFRESH] == nil then
    additions.capabilities.workspace.diagnostics = { refreshSupport = true }
    additions.handlers[REFRESH] = refresh
  end
  return additions
end

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
    capabilities = vim.tbl_deep_extend('force', M.client_additions().capabilities, opts.capabilities or {}),
    handlers = vim.tbl_extend('force', M.client_additions().handlers, opts.handlers or {}),
    on_attach = opts.on_attach,
  }, { bufnr = bufnr })
end

--- Starts copydesk for Markdown and text buffers, now and from then on.
--- @param opts table|nil `cmd`, `filetypes`, `root_markers`, `init_options`, `settings`,
---   `capabilities`, `handlers`, `on_attach`; unset fields keep the defaults above.
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

--- Opens the registry entry of the person, organization or place under the cursor, as the server
--- finds it (the `copydesk.entityLocation` command).
function M.open_entity()
  local client = vim.lsp.get_clients({ bufnr = 0, name = 'copydesk' })[1]
  if not client then
    vim.notify('copydesk is not running in this buffer', vim.log.levels.WARN)
    return
  end
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local command = { command = 'copydesk.entityLocation', arguments = { params.textDocument.uri, params.position } }
  local function on_answer(err, location)
    if err then
      vim.notify('copydesk: ' .. err.message, vim.log.levels.ERROR)
    elseif not location then
      vim.notify('copydesk: no registry entity under the cursor', vim.log.levels.INFO)
    else
      vim.lsp.util.show_document(location, client.offset_encoding, { focus = true })
    end
  end
  -- Neovim 0.11 made `request` a method; 0.9 and 0.10 call it as a field.
  if vim.fn.has('nvim-0.11') == 1 then
    client:request('workspace/executeCommand', command, on_answer, 0)
  else
    client.request('workspace/executeCommand', command, on_answer, 0)
  end
end

return M
