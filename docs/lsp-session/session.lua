-- Run from a copy of this folder: nvim --headless -u NONE -i NONE -n -c "luafile session.lua" (copylint on PATH,
-- LanguageTool on 127.0.0.1:8081). Neovim 0.7 (Debian 12), hence vim.lsp.start_client; 0.8+ also has vim.lsp.start.
-- A scripted Neovim session with the copylint language server: open a draft, wait for diagnostics, apply a quick
-- fix, add a word to the vocabulary, hover. Everything that happens is written to session.log.
local log = io.open("session.log", "w")
local function say(fmt, ...) log:write(string.format(fmt, ...) .. "\n"); log:flush() end
local function show_diagnostics(label)
  local items = vim.diagnostic.get(0)
  table.sort(items, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  say("%s: %d diagnostics", label, #items)
  for _, d in ipairs(items) do
    local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or "?"
    local text = vim.api.nvim_buf_get_text(0, d.lnum, d.col, d.end_lnum, d.end_col, {})
    say("  %d:%d-%d:%d %-26s %s  [%s]", d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1, code,
        table.concat(text, "\\n"), d.message)
  end
  return items
end
local function wait_for(label, pred)
  local ok = vim.wait(60000, pred, 50)
  say("%s: %s", label, ok and "yes" or "TIMED OUT")
  return ok
end
local function code_of(d) return d.user_data and d.user_data.lsp and d.user_data.lsp.code end
local function has_code(prefix)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local c = code_of(d)
    if c and c:sub(1, #prefix) == prefix then return d end
  end
end

vim.cmd("edit draft.md")
say("nvim %s, opened %s (%d lines)", tostring(vim.version().major) .. "." .. tostring(vim.version().minor) .. "." .. tostring(vim.version().patch), vim.fn.expand("%"), vim.api.nvim_buf_line_count(0))
local started = vim.loop.hrtime()
local id = vim.lsp.start_client({
  name = "copylint", cmd = { "copylint", "lsp" }, root_dir = vim.fn.getcwd(),
  init_options = { languagetool = { enabled = true, debounce = 300 } },
})
vim.lsp.buf_attach_client(0, id)
wait_for("built-in diagnostics arrived", function() return has_code("CL4") ~= nil end)
say("  (%.0f ms after starting the server)", (vim.loop.hrtime() - started) / 1e6)
wait_for("LanguageTool diagnostics arrived", function() return has_code("LT:") ~= nil end)
show_diagnostics("diagnostics")

-- Quick fix on the spun phrase.
local target = has_code("CL402")
local client = vim.lsp.get_client_by_id(id)
local function actions_at(d)
  local range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } }
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(0), range = range,
    context = { diagnostics = { { range = range, message = d.message, severity = d.severity, code = code_of(d),
                                  source = d.source } } },
  }
  local reply = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 10000)
  return reply and reply[id] and reply[id].result or {}
end
local actions = actions_at(target)
say("code actions on %s:", code_of(target))
for _, a in ipairs(actions) do say("  - %s%s", a.title, a.isPreferred and "  (preferred)" or "") end
local chosen
for _, a in ipairs(actions) do if a.isPreferred then chosen = a end end
say("applying: %s", chosen.title)
local tick = vim.api.nvim_buf_get_changedtick(0)
vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
say("line 3 now: %s", vim.api.nvim_buf_get_lines(0, 2, 3, false)[1])
wait_for("CL402 gone after the edit", function() return has_code("CL402") == nil end)

-- LanguageTool's two spelling findings: fix the typo, add the trade term to the vocabulary.
local function lt_on(word)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local c = code_of(d)
    if c and c:sub(1, 3) == "LT:" and table.concat(vim.api.nvim_buf_get_text(0, d.lnum, d.col, d.end_lnum, d.end_col, {})) == word then
      return d
    end
  end
end
local typo = lt_on("authorty")
local typo_actions = actions_at(typo)
say("code actions on %s 'authorty':", code_of(typo))
for _, a in ipairs(typo_actions) do say("  - %s", a.title) end
say("applying: %s", typo_actions[1].title)
vim.lsp.util.apply_workspace_edit(typo_actions[1].edit, client.offset_encoding)
wait_for("'authorty' gone", function() return lt_on("authorty") == nil and lt_on("fendering") ~= nil end)
local fender = lt_on("fendering")
say("code actions on %s 'fendering':", code_of(fender))
local fender_actions = actions_at(fender)
for _, a in ipairs(fender_actions) do say("  - %s", a.title) end
for _, a in ipairs(fender_actions) do
  if a.command and a.title:find("vocabulary") then
    say("applying: %s", a.title)
    vim.lsp.buf.execute_command(a.command)
    break
  end
end
wait_for("'fendering' no longer flagged", function() return lt_on("fendering") == nil end)
local f = io.open("copylint.toml"); if f then say("copylint.toml now reads: %s", (f:read("*a"):gsub("\n", " "))); f:close() end

-- Hover on the furniture line.
local furniture = has_code("CL201")
local hover = vim.lsp.buf_request_sync(0, "textDocument/hover", {
  textDocument = vim.lsp.util.make_text_document_params(0),
  position = { line = furniture.lnum, character = furniture.col + 1 } }, 10000)
local value = hover[id].result.contents.value
say("hover on %s (first lines):", code_of(furniture))
local n = 0
for line in value:gmatch("[^\n]+") do n = n + 1; if n <= 4 then say("  | %s", line) end end
vim.wait(4000, function() return false end, 100)  -- LanguageTool's check of the last text
show_diagnostics("final diagnostics")
say("buffer after the session:")
for i, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do say("  %d| %s", i, line) end
vim.lsp.stop_client(id)
log:close()
vim.cmd("qa!")
