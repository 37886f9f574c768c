-- Drives `migsafe lsp` from Neovim's built-in LSP client (Neovim 0.7+), headless.
-- Usage: MIGSAFE=… LSP_WORK=dir nvim --headless --clean -u NONE -c "luafile neovim_client.lua"
-- Exits 0 when every expectation holds, 1 on the first mismatch (with a message on stderr).

local migsafe = assert(os.getenv('MIGSAFE'), 'set MIGSAFE')
local work = assert(os.getenv('LSP_WORK'), 'set LSP_WORK')

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local function expect(condition, message)
  if not condition then error(message, 0) end
end

local function rule_of(d)
  if d.code then return d.code end
  return d.user_data and d.user_data.lsp and d.user_data.lsp.code
end

local function find_diagnostic(buf, rule)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if rule_of(d) == rule then return d end
  end
  return nil
end

local function run()
  local path = work .. '/db/migrations/0002_index_users.sql'
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()

  local client_id = vim.lsp.start_client({
    name = 'migsafe',
    cmd = { migsafe, 'lsp' },
    root_dir = work,
  })
  expect(client_id ~= nil, 'the server did not start')
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  -- Diagnostics arrive after the server's debounce.
  local ok = vim.wait(10000, function() return find_diagnostic(buf, 'index-not-concurrent') ~= nil end, 50)
  expect(ok, 'no index-not-concurrent diagnostic was published')
  local d = find_diagnostic(buf, 'index-not-concurrent')

  -- Line 2 (0-based 1) starts with a comment holding non-ASCII text; Neovim converts the
  -- server's UTF-16 column into a byte column, which must land exactly on CREATE.
  local line = vim.api.nvim_buf_get_lines(buf, 1, 2, true)[1]
  local create_byte = line:find('CREATE', 1, true) - 1
  expect(d.lnum == 1, 'diagnostic on line ' .. d.lnum .. ', expected 1')
  expect(d.col == create_byte, 'diagnostic at byte column ' .. d.col .. ', expected ' .. create_byte)
  -- migsafe.toml in the project lowers the rule to a warning: the server must honour it.
  expect(d.severity == vim.diagnostic.severity.WARN,
    'severity ' .. tostring(d.severity) .. ': migsafe.toml was not honoured')
  expect(d.message:find('lock: SHARE on users', 1, true) ~= nil, 'lock missing from message: ' .. d.message)

  local uri = vim.uri_from_bufnr(buf)
  local _, character = vim.str_utfindex(line, create_byte) -- UTF-16 index, the LSP default
  local hover = client.request_sync('textDocument/hover', {
    textDocument = { uri = uri },
    position = { line = 1, character = character + 2 }, -- inside CREATE
  }, 5000, buf)
  expect(hover and hover.result, 'hover returned nothing: ' .. vim.inspect(hover))
  local markdown = hover.result.contents.value
  expect(hover.result.contents.kind == 'markdown', 'hover is not markdown')
  expect(markdown:find('| `users` | SHARE |', 1, true) ~= nil, 'hover lacks the lock table: ' .. markdown)
  expect(markdown:find('blocks INSERT, UPDATE and DELETE', 1, true) ~= nil, 'hover lacks what the lock blocks')

  local range = d.user_data and d.user_data.lsp and d.user_data.lsp.range
    or { start = { line = 1, character = character }, ['end'] = { line = 1, character = character } }
  local actions = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = range,
    context = { diagnostics = {} },
  }, 5000, buf)
  expect(actions and actions.result, 'codeAction returned nothing: ' .. vim.inspect(actions))
  local ignore, fix
  for _, action in ipairs(actions.result) do
    if action.title == 'Ignore index-not-concurrent for this statement' then ignore = action end
    if action.title == 'Add CONCURRENTLY' then fix = action end
  end
  expect(fix ~= nil, 'no "Add CONCURRENTLY" fix among ' .. vim.inspect(actions.result))
  expect(ignore ~= nil, 'no ignore action among ' .. vim.inspect(actions.result))

  vim.lsp.util.apply_workspace_edit(ignore.edit, client.offset_encoding or 'utf-16')
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, true)
  local comment_line
  for i, text in ipairs(lines) do
    if text == '-- migsafe: ignore index-not-concurrent' then comment_line = i end
  end
  expect(comment_line ~= nil, 'suppression comment not inserted: ' .. vim.inspect(lines))
  expect(lines[comment_line + 1]:find('^CREATE INDEX') ~= nil,
    'the statement does not follow the comment: ' .. vim.inspect(lines))

  -- The edit is sent as didChange; the re-check must drop the suppressed finding but keep others.
  ok = vim.wait(10000, function() return find_diagnostic(buf, 'index-not-concurrent') == nil end, 50)
  expect(ok, 'the suppressed diagnostic is still published')
  expect(#vim.diagnostic.get(buf) >= 1, 'the other finding (ALTER TABLE) disappeared too')

  -- A Rails migration: the server extracts its SQL and reports at the string's position.
  local rails = work .. '/db/migrate/20240101000000_add_index.rb'
  vim.cmd('edit ' .. vim.fn.fnameescape(rails))
  local rbuf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(rbuf, client_id)
  ok = vim.wait(10000, function() return find_diagnostic(rbuf, 'concurrent-in-transaction') ~= nil end, 50)
  expect(ok, 'no concurrent-in-transaction diagnostic in the Rails migration: '
    .. vim.inspect(vim.diagnostic.get(rbuf)))
  local rd = find_diagnostic(rbuf, 'concurrent-in-transaction')
  local rline = vim.api.nvim_buf_get_lines(rbuf, rd.lnum, rd.lnum + 1, true)[1]
  expect(rd.lnum == 2, 'Rails diagnostic on line ' .. rd.lnum .. ', expected 2')
  expect(rd.col == rline:find('CREATE', 1, true) - 1, 'Rails diagnostic not at CREATE: ' .. rd.col)
  for _, diag in ipairs(vim.diagnostic.get(rbuf)) do
    expect(rule_of(diag) ~= 'syntax-error', 'Ruby code was parsed as SQL: ' .. diag.message)
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = pcall(run)
if not ok then fail(tostring(err)) end
io.stderr:write('neovim client: all expectations held\n')
vim.cmd('qall!')
