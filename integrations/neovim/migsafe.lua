-- migsafe language server for Neovim's built-in LSP client (Neovim 0.7 or later).
-- Put this file in your runtime path (e.g. ~/.config/nvim/plugin/migsafe.lua), or paste it into
-- init.lua. It starts `migsafe lsp` for SQL buffers, rooted at the nearest migsafe.toml or git
-- repository, so the server applies the same config as `migsafe check`.

local function root_for(path)
  local markers = { 'migsafe.toml', '.migsafe.toml', '.git' }
  local dir = vim.fn.fnamemodify(path, ':p:h')
  while dir and dir ~= '' do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then return dir end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then break end
    dir = parent
  end
  return vim.fn.getcwd()
end

local client_for_root = {}

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'sql',
  callback = function(args)
    if vim.fn.executable('migsafe') == 0 then return end
    local root = root_for(vim.api.nvim_buf_get_name(args.buf))
    local id = client_for_root[root]
    if not id or not vim.lsp.get_client_by_id(id) then
      id = vim.lsp.start_client({ name = 'migsafe', cmd = { 'migsafe', 'lsp' }, root_dir = root })
      client_for_root[root] = id
    end
    if id then vim.lsp.buf_attach_client(args.buf, id) end
  end,
})

-- Suggested keys, buffer-local once the server attaches:
--   K           hover: the lock each statement takes and what it blocks
--   <leader>ca  code actions: the rule's fix, or ignore the rule for this statement
vim.api.nvim_create_autocmd('LspAttach', {
  callback = function(args)
    local client = vim.lsp.get_client_by_id(args.data.client_id)
    if not client or client.name ~= 'migsafe' then return end
    vim.keymap.set('n', 'K', vim.lsp.buf.hover, { buffer = args.buf })
    vim.keymap.set('n', '<leader>ca', vim.lsp.buf.code_action, { buffer = args.buf })
  end,
})
