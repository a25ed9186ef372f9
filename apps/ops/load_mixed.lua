-- wrk script for the mixed load of `manage.py benchmark` (apps/ops/benchmark.py, mixed_load):
-- reads of the statement list, filtered lists, searches and detail pages, with one request in
-- WRITE_EVERY an authenticated write: a new statement (POST) or an edit (PATCH with If-Match) of
-- one this thread created. Each thread remembers the last text the server acknowledged for each
-- of its statements, and the text of an edit still unanswered when the run stops; done() writes
-- them to ACKED_FILE (tab-separated: "statement", id, acknowledged text, unanswered edit; then
-- "writes", count, per thread) so that the benchmark can check every acknowledged write is in
-- the database. (Only strings, numbers and tables of them cross from a thread's Lua state to
-- done()'s.)
--
-- Environment: TOKEN (an editor's API token), SPEAKER_ID, READ_IDS (comma-separated statement
-- ids to read), ACKED_FILE, WRITE_EVERY (default 5).

local token = os.getenv("TOKEN")
local speaker_id = os.getenv("SPEAKER_ID")
local acked_file = os.getenv("ACKED_FILE")
local write_every = tonumber(os.getenv("WRITE_EVERY") or "5")
local read_ids = {}
for id in string.gmatch(os.getenv("READ_IDS") or "", "%d+") do
  read_ids[#read_ids + 1] = id
end
local searches = { "pipeline%20tariffs", "%22border%20treaty%22", "drought%20OR%20flood", "referendum" }

-- In wrk's main Lua state
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

function done(summary, latency, requests)
  local out = assert(io.open(acked_file, "w"))
  for _, thread in ipairs(threads) do
    local pending = thread:get("pending") or {}
    for id, text in pairs(thread:get("acked") or {}) do
      out:write("statement\t", id, "\t", text, "\t", pending[id] or "", "\n")
    end
    out:write("writes\t", thread:get("writes") or 0, "\n")
  end
  out:close()
end

-- In each thread's own Lua state (thread_number is set by setup)
-- Read by done(): statement id -> the last text the server acknowledged; the text of an edit
-- still unanswered when the run stops (the server may have saved it); acknowledged writes.
acked = {}
pending = {}
writes = 0
local idle = {}      -- this thread's statements with no write in flight: id -> ETag
local counter = 0
local created = 0
local authorization = "Token " .. (token or "")

local function read_request()
  local kind = counter % 4
  if kind == 0 then
    return wrk.format("GET", "/api/v1/statements/?language=ru&said_from=2020-01-01")
  elseif kind == 1 then
    return wrk.format("GET", "/api/v1/statements/?search=" .. searches[(counter % #searches) + 1])
  elseif kind == 2 and #read_ids > 0 then
    return wrk.format("GET", "/api/v1/statements/" .. read_ids[(counter % #read_ids) + 1] .. "/")
  end
  return wrk.format("GET", "/api/v1/statements/")
end

local function write_request()
  -- Every other write edits one of this thread's statements, if one is idle; else a new one.
  if counter % 2 == 0 then
    for id, etag in pairs(idle) do
      idle[id] = nil
      local text = string.format("Load test %d, statement %s edited at request %d.", thread_number, id, counter)
      pending[id] = text
      local headers = { ["Content-Type"] = "application/json", ["Authorization"] = authorization, ["If-Match"] = etag }
      return wrk.format("PATCH", "/api/v1/statements/" .. id .. "/", headers, '{"text": "' .. text .. '"}')
    end
  end
  created = created + 1
  local text = string.format("Load test %d, statement %d.", thread_number, created)
  local body = string.format(
    '{"speaker_id": %s, "text": "%s", "said_on": "2026-11-21", "said_on_precision": "day", "language": "en"}',
    speaker_id, text)
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = authorization }
  return wrk.format("POST", "/api/v1/statements/", headers, body)
end

function request()
  counter = counter + 1
  if counter % write_every == 0 then
    return write_request()
  end
  return read_request()
end

function response(status, headers, body)
  -- Only writes answer with a "Load test" statement: that is how they are told from reads.
  if (status == 201 or status == 200) and body then
    local id, text = string.match(body, '^{"id":(%d+),.-"text":"(Load test [^"]*)"')
    if id then
      acked[id] = text
      pending[id] = nil
      writes = writes + 1
      idle[id] = headers["ETag"]
    end
  end
end
