// kudrang meeting held | cancel | move: the meeting's life, edited in place
// (spec/cli.md "Changing records"). Only the changed values' lines differ
// afterwards; the record must validate with the rest of the workspace before
// the file is replaced; a file changed on disk since it was read is refused.
#include "commands.hpp"
#include "document_output.hpp"
#include "loading.hpp"
#include "record_editing.hpp"

#include "kudrang/core/text.hpp"
#include "kudrang/pipeline/pipeline.hpp"
#include "kudrang/core/date.hpp"
#include "kudrang/core/exit_status.hpp"
#include "kudrang/io/safe_write.hpp"
#include "kudrang/io/temp_dir.hpp"
#include "kudrang/records/record_edit.hpp"
#include "kudrang/render/diagnostics_render.hpp"
#include "kudrang/render/html_page.hpp"
#include "kudrang/render/signin_sheet.hpp"
#include "kudrang/render/yaml_text.hpp"
#include "kudrang/rules/signin.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <iostream>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

struct Found {
  const Workspace* ws = nullptr;
  const Record<Meeting>* rec = nullptr;
};

Found find_meeting_record(const ValidateResult& r, const std::string& id)
{
  const Workspace& ws = single_workspace(r);
  for (const auto& rec : ws.meetings) {
    if (rec.value.id == id) return {&ws, &rec};
  }
  std::vector<std::string> ids;
  for (const auto& rec : ws.meetings) ids.push_back(rec.value.id);
  throw UsageError(fmt::format("unknown meeting '{}'{}", id, did_you_mean(id, ids)));
}

void set_or_fail(RecordText& t, std::string_view key, const std::string& value,
                 std::initializer_list<std::string_view> after)
{
  std::string error;
  if (!t.set(key, value, after, error)) throw RecordsHaveErrors(error + "; nothing was changed");
}

std::string quoted_time(const std::string& hhmm) { return "\"" + hhmm + "\""; }

// ---- meeting held ID [--end HH:MM]
struct HeldOptions {
  std::string id;
  std::string end;
};

void run_held(const HeldOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  Found f = find_meeting_record(r, o.id);
  const Meeting& m = f.rec->value;
  if (m.status == MeetingStatus::cancelled) {
    throw UsageError(fmt::format("meeting {} is cancelled; a cancelled meeting cannot be held (move it instead: "
                                 "kudrang meeting move {} --date D)",
                                 o.id, o.id));
  }
  if (!m.has_attendance) {
    throw UsageError(fmt::format("meeting {} has no attendance yet; record who came first: kudrang meeting "
                                 "attend {} (the sign-in sheet: kudrang meeting signin {})",
                                 o.id, o.id, o.id));
  }
  if (!o.end.empty()) check_time_option(o.end, "--end");
  edit_record(g, resolve_root(g), f.rec->file, [&](RecordText& t) {
    set_or_fail(t, "status", "held", {"title", "id"});
    if (!o.end.empty()) set_or_fail(t, "end", quoted_time(o.end), {"start", "date", "status"});
  });
}

// ---- meeting cancel ID --reason TEXT
struct CancelOptions {
  std::string id;
  std::string reason;
};

void run_cancel(const CancelOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  Found f = find_meeting_record(r, o.id);
  const Meeting& m = f.rec->value;
  if (m.status == MeetingStatus::held) {
    throw UsageError(fmt::format("meeting {} was held; a held meeting cannot be cancelled", o.id));
  }
  if (o.reason.find_first_not_of(" \t") == std::string::npos) throw UsageError("--reason must say why (งดประชุมเนื่องจาก ...)");
  if (!m.note.empty() && m.note != o.reason) {
    throw UsageError(fmt::format("meeting {} has a note already; kudrang does not replace it: write the reason into "
                                 "'note:' by hand, or remove the note first",
                                 o.id));
  }
  edit_record(g, resolve_root(g), f.rec->file, [&](RecordText& t) {
    set_or_fail(t, "status", "cancelled", {"title", "id"});
    set_or_fail(t, "note", yaml_text(o.reason), {"checker", "recorder", "chair", "venue", "end", "start", "date"});
  });
}

// ---- meeting move ID --date D [--time HH:MM]
struct MoveOptions {
  std::string id;
  std::string date;
  std::string time;
};

void run_move(const MoveOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  Found f = find_meeting_record(r, o.id);
  const Meeting& m = f.rec->value;
  auto d = parse_date(o.date);
  if (!d) throw UsageError(fmt::format("--date '{}' is not a date (YYYY-MM-DD, BE or CE)", o.date));
  if (!o.time.empty()) check_time_option(o.time, "--time");
  if (m.status == MeetingStatus::held) {
    throw UsageError(fmt::format("meeting {} was held on its date; kudrang does not move a held meeting (correct "
                                 "'date:' by hand if it was recorded wrong)",
                                 o.id));
  }
  if (auto fy = m.id_fiscal_year(); fy && fiscal_year_of(*d) != *fy) {
    throw UsageError(fmt::format("--date {} is in fiscal year {}, but meeting {} belongs to fiscal year {} ({} to "
                                 "{}); a meeting keeps its number within its year",
                                 o.date, fiscal_year_of(*d), o.id, *fy, iso_date(fiscal_year_start(*fy)),
                                 iso_date(fiscal_year_end(*fy))));
  }
  std::string when = iso_date(*d);
  edit_record(g, resolve_root(g), f.rec->file, [&](RecordText& t) {
    set_or_fail(t, "date", when, {"status", "title"});
    if (!o.time.empty()) set_or_fail(t, "start", quoted_time(o.time), {"date"});
    if (m.status == MeetingStatus::cancelled) set_or_fail(t, "status", "planned", {"title", "id"});
  });
}

// ---- meeting attend ID [--present LIST] [--excused ITEM]... [--absent LIST]
struct AttendOptions {
  std::string id;
  std::vector<std::string> present;  // each may be a comma-separated list
  std::vector<std::string> excused;  // ID-or-number[:REASON]
  std::vector<std::string> absent;
};

enum class Where { present, excused, absent };

struct Entry {
  std::string id;
  std::string reason;
};

std::vector<std::string> split_list(const std::vector<std::string>& args)
{
  std::vector<std::string> out;
  for (const auto& a : args) {
    size_t start = 0;
    while (start <= a.size()) {
      size_t comma = a.find(',', start);
      if (comma == std::string::npos) comma = a.size();
      std::string item = a.substr(start, comma - start);
      size_t b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
      if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
      start = comma + 1;
    }
  }
  return out;
}

// A roster id, or a number of the sign-in sheet.
const Member* member_for(const std::string& token, const Workspace& ws, const std::vector<const Member*>& sheet)
{
  if (!token.empty() && token.find_first_not_of("0123456789") == std::string::npos) {
    size_t n = std::stoul(token.size() > 6 ? std::string("0") : token);
    if (n >= 1 && n <= sheet.size()) return sheet[n - 1];
    throw UsageError(fmt::format("number {} is not on the sign-in sheet (1 to {}; see kudrang meeting signin)", token,
                                 sheet.size()));
  }
  if (const Member* m = ws.member(token)) return m;
  throw UsageError(fmt::format("unknown roster id '{}'", token));
}

std::string attendance_block(const std::vector<Entry>& present, const std::vector<Entry>& excused,
                             const std::vector<Entry>& absent, const Workspace& ws)
{
  std::string out = "attendance:\n";
  auto list = [&](const char* name, const std::vector<Entry>& entries) {
    if (entries.empty()) {
      out += fmt::format("  {}: []\n", name);
      return;
    }
    out += fmt::format("  {}:\n", name);
    for (const auto& e : entries) {
      const Member* m = ws.member(e.id);
      // The name beside the id: the file reads like the paper sheet.
      std::string comment = m && !m->name.empty() ? "  # " + m->name : "";
      if (e.reason.empty()) out += fmt::format("    - {}{}\n", e.id, comment);
      else out += fmt::format("    - {{ id: {}, reason: {} }}{}\n", e.id, yaml_text(e.reason), comment);
    }
  };
  list("present", present);
  list("excused", excused);
  list("absent", absent);
  return out;
}

void run_attend(const AttendOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  Found f = find_meeting_record(r, o.id);
  const Meeting& m = f.rec->value;
  const Workspace& ws = *f.ws;
  if (!m.date) throw UsageError(fmt::format("meeting {} has no date", o.id));
  if (m.status == MeetingStatus::cancelled) throw UsageError(fmt::format("meeting {} is cancelled", o.id));
  auto sheet = signin_order(ws, m.date->value);
  // Where everyone stands now; a meeting without attendance starts with
  // every current member present.
  std::vector<std::pair<Entry, Where>> people;
  auto add = [&](const std::vector<AttendanceEntry>& list, Where w) {
    for (const auto& e : list) people.push_back({{e.id, e.reason}, w});
  };
  if (m.has_attendance) {
    add(m.present, Where::present);
    add(m.excused, Where::excused);
    add(m.absent, Where::absent);
  } else {
    for (const Member* mem : sheet) people.push_back({{mem->id, ""}, Where::present});
  }
  auto move = [&](const Member* mem, Where w, const std::string& reason) {
    for (auto& [e, where] : people) {
      if (e.id == mem->id) {
        where = w;
        e.reason = w == Where::present ? "" : reason;
        return;
      }
    }
    people.push_back({{mem->id, w == Where::present ? "" : reason}, w});
  };
  for (const auto& t : split_list(o.present)) move(member_for(t, ws, sheet), Where::present, "");
  for (const auto& t : split_list(o.absent)) move(member_for(t, ws, sheet), Where::absent, "");
  for (const auto& item : o.excused) {
    size_t colon = item.find(':');
    std::string who = item.substr(0, colon);
    std::string reason = colon == std::string::npos ? "" : item.substr(colon + 1);
    for (const auto& t : split_list({who})) move(member_for(t, ws, sheet), Where::excused, reason);
  }
  // In the order of the sign-in sheet, then anyone else as they were.
  std::vector<Entry> present, excused, absent;
  std::vector<std::string> order;
  for (const Member* mem : sheet) order.push_back(mem->id);
  for (const auto& [e, w] : people) {
    if (std::find(order.begin(), order.end(), e.id) == order.end()) order.push_back(e.id);
  }
  for (const auto& id : order) {
    for (const auto& [e, w] : people) {
      if (e.id != id) continue;
      (w == Where::present ? present : w == Where::excused ? excused : absent).push_back(e);
    }
  }
  std::string block = attendance_block(present, excused, absent, ws);
  edit_record(g, resolve_root(g), f.rec->file, [&](RecordText& t) {
    std::string error;
    if (!t.set_block("attendance", block, {"checker", "recorder", "chair", "venue", "end", "start", "date"}, error)) {
      throw RecordsHaveErrors(error + "; nothing was changed");
    }
  });
  size_t total = present.size() + excused.size() + absent.size();
  if (!g.quiet) {
    std::cerr << fmt::format("มา {} ลา {} ขาด {} จาก {} (present {}, excused {}, absent {} of {})\n", present.size(),
                             excused.size(), absent.size(), total, present.size(), excused.size(), absent.size(),
                             total);
  }
}

// ---- meeting signin ID [--format md|html]
struct SigninOptions {
  std::string id;
  std::string format = "md";
  std::string out;  // -o FILE
};

void run_signin(const SigninOptions& o, Globals& g)
{
  // The sheet reads its meeting, the roster and kudrang.yaml (issue 12, point 7).
  ValidateResult r = load_unchecked(g);
  const Workspace& ws = single_workspace(r);
  auto rec = std::find_if(ws.meetings.begin(), ws.meetings.end(),
                          [&](const Record<Meeting>& x) { return x.value.id == o.id; });
  if (rec == ws.meetings.end()) refuse_errors(r.diagnostics);  // its file may be the one with errors
  Found f = find_meeting_record(r, o.id);
  refuse_errors(g, r.diagnostics, RecordReads::of({"roster"}, {f.rec->file}));
  if (!f.rec->value.date) throw UsageError(fmt::format("meeting {} has no date", o.id));
  Doc doc = render_signin_sheet(f.rec->value, *f.ws);
  if (o.format == "md") return emit_text(to_markdown(doc), o.out, g);
  std::string page = html_page("ใบลงชื่อ " + o.id, to_html(doc),
                               "table.signin td:last-child { width: 30%; } table.signin tr { height: 1.1cm; }");
  if (o.format == "pdf") emit_pdf(page, o.out, resolve_root(g) / f.ws->display, g);
  else emit_text(page, o.out, g);
}

}  // namespace

void add_meeting_edit_commands(CLI::App& meeting, Globals& g)
{
  auto ao = std::make_shared<AttendOptions>();
  auto* attend = meeting.add_subcommand("attend", "Record who came (มา), was excused (ลา) or absent (ขาด)");
  attend->add_option("id", ao->id, "Meeting id, e.g. 2563-05")->required();
  attend->add_option("--present", ao->present, "Roster ids or sign-in sheet numbers, comma-separated");
  attend->add_option("--excused", ao->excused, "An id or number with an optional :REASON (repeatable)");
  attend->add_option("--absent", ao->absent, "Roster ids or sign-in sheet numbers, comma-separated");
  attend->callback([ao, &g] { run_attend(*ao, g); });

  auto so = std::make_shared<SigninOptions>();
  auto* signin = meeting.add_subcommand("signin", "The sign-in sheet (ใบลงชื่อ), numbered for meeting attend");
  signin->add_option("id", so->id, "Meeting id, e.g. 2563-05")->required();
  signin->add_option("--format", so->format, "md, html (a printable A4 page) or pdf (with -o)")
    ->check(CLI::IsMember({"md", "html", "pdf"}));
  signin->add_option("-o,--output", so->out, "Write to this new file (never overwritten); required for pdf");
  signin->callback([so, &g] { run_signin(*so, g); });

  auto ho = std::make_shared<HeldOptions>();
  auto* held = meeting.add_subcommand("held", "Record that a meeting took place (status: held)");
  held->add_option("id", ho->id, "Meeting id, e.g. 2563-05")->required();
  held->add_option("--end", ho->end, "The time it ended (HH:MM)");
  held->callback([ho, &g] { run_held(*ho, g); });

  auto co = std::make_shared<CancelOptions>();
  auto* cancel = meeting.add_subcommand("cancel", "Cancel a planned meeting, with the reason (status: cancelled)");
  cancel->add_option("id", co->id, "Meeting id, e.g. 2563-07")->required();
  cancel->add_option("--reason", co->reason, "Why it is cancelled (written to note:)")->required();
  cancel->callback([co, &g] { run_cancel(*co, g); });

  auto mo = std::make_shared<MoveOptions>();
  auto* move = meeting.add_subcommand("move", "Move a meeting to another date in its fiscal year (its id stays)");
  move->add_option("id", mo->id, "Meeting id, e.g. 2563-05")->required();
  move->add_option("--date", mo->date, "The new date (YYYY-MM-DD, BE or CE)")->required();
  move->add_option("--time", mo->time, "The new starting time (HH:MM)");
  move->callback([mo, &g] { run_move(*mo, g); });
}

}  // namespace kudrang::cli
