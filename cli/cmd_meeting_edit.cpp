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
#include "kudrang/rules/attendance_change.hpp"
#include "kudrang/rules/signin.hpp"
#include "kudrang/io/spreadsheet.hpp"
#include "kudrang/render/new_records.hpp"
#include "kudrang/render/signin_sheet.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <cstdio>
#include <iostream>

#include <unistd.h>

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

// ---- meeting attend ID [--present LIST] [--excused ITEM]... [--absent LIST] [--from FILE]
struct AttendOptions {
  std::string id;
  std::vector<std::string> present;  // each may be a comma-separated list
  std::vector<std::string> excused;  // ID-or-number[:REASON]
  std::vector<std::string> absent;
  std::string from;                  // a sheet typed off the paper sign-in sheet
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

const Member* member_or_fail(const std::string& token, const Workspace& ws, const std::vector<const Member*>& sheet)
{
  std::string error;
  if (const Member* m = attendance_member(token, ws, sheet, error)) return m;
  throw UsageError(error);
}

std::string summary_line(const AttendanceLists& l)
{
  return fmt::format("มา {} ลา {} ขาด {} จาก {} (present {}, excused {}, absent {} of {})", l.present.size(),
                     l.excused.size(), l.absent.size(), l.total(), l.present.size(), l.excused.size(),
                     l.absent.size(), l.total());
}

// The checklist a clerk runs on a terminal: the sign-in sheet by sector and
// village with each member's mark, and a line to type changes into. It
// talks to the terminal itself: what commands print to std::cout is held
// until they end (app.cpp), which a conversation cannot wait for.
void to_terminal(const std::string& text)
{
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

bool run_checklist(std::vector<AttendanceState>& people, const Meeting& m, const Workspace& ws,
                   const std::vector<const Member*>& sheet, bool thai)
{
  auto counts = [&] {
    AttendanceLists l = attendance_lists(people, sheet);
    return thai ? fmt::format("มา {} ลา {} ขาด {} จาก {} คน\n", l.present.size(), l.excused.size(), l.absent.size(),
                              l.total())
                : fmt::format("present {}, excused {}, absent {} of {}\n", l.present.size(), l.excused.size(),
                              l.absent.size(), l.total());
  };
  auto draw = [&] { to_terminal(render_attendance_checklist(m, ws, sheet, people, thai) + counts()); };
  auto help = [&] {
    to_terminal(thai ? "พิมพ์: ขาด 3 7 · ลา 5 6: ติดราชการ · มา 3 · ขาด 10-12 · บันทึก · ยกเลิก "
                       "(กด Enter เปล่า ๆ เพื่อดูรายชื่อทั้งหมด)\n"
                     : "type: absent 3 7 · excused 5 6: reason · present 3 · absent 10-12 · save · quit "
                       "(or a, e, p, s, q; มา ลา ขาด บันทึก ยกเลิก; an empty line shows the whole list)\n");
  };
  draw();
  help();
  std::string line;
  while (true) {
    to_terminal("> ");
    if (!std::getline(std::cin, line)) {
      to_terminal("\n");
      return false;
    }
    ChecklistCommand c = parse_checklist_command(line, sheet.size());
    switch (c.kind) {
    case ChecklistCommand::Kind::save: return true;
    case ChecklistCommand::Kind::quit: return false;
    case ChecklistCommand::Kind::redraw: draw(); break;
    case ChecklistCommand::Kind::help: help(); break;
    case ChecklistCommand::Kind::invalid:
      // Through std::cerr, which speaks the reader's language.
      std::cerr << c.error << '\n' << std::flush;
      break;
    case ChecklistCommand::Kind::mark:
      // The changed lines and the counts: a council does not fit a screen.
      for (size_t n : c.numbers) mark_attendance(people, sheet[n - 1]->id, c.mark, c.reason);
      to_terminal(render_attendance_lines(sheet, people, c.numbers, thai) + counts());
      break;
    }
  }
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
  std::vector<AttendanceState> people = current_attendance(m, sheet);
  if (!o.from.empty()) {
    std::string error;
    auto book = read_spreadsheet(o.from, error);
    if (!book) throw IoError(fmt::format("{}: {}", o.from, error));
    AttendanceFromSheet typed = read_attendance_sheet(*book, ws, sheet);
    if (!typed.problems.empty()) {
      for (const auto& p : typed.problems) std::cerr << fmt::format("{}: {}: {}\n", o.from, p.where, p.message);
      throw RecordsHaveErrors(fmt::format("{} has {} problem(s); nothing was changed", o.from, typed.problems.size()));
    }
    for (const auto& c : typed.changes) mark_attendance(people, c.id, c.mark, c.reason);
    if (!g.quiet) std::cerr << fmt::format("{}: sheet {}, {} row(s) read\n", o.from, typed.sheet, typed.changes.size());
  }
  for (const auto& t : split_list(o.present)) mark_attendance(people, member_or_fail(t, ws, sheet)->id, AttendanceMark::present, "");
  for (const auto& t : split_list(o.absent)) mark_attendance(people, member_or_fail(t, ws, sheet)->id, AttendanceMark::absent, "");
  for (const auto& item : o.excused) {
    size_t colon = item.find(':');
    std::string who = item.substr(0, colon);
    std::string reason = colon == std::string::npos ? "" : item.substr(colon + 1);
    for (const auto& t : split_list({who})) mark_attendance(people, member_or_fail(t, ws, sheet)->id, AttendanceMark::excused, reason);
  }
  // With nothing named, on a terminal: the checklist. The file as it was
  // read is what the edit must still find when the clerk saves.
  std::optional<std::string> seen;
  bool named = !o.from.empty() || !o.present.empty() || !o.absent.empty() || !o.excused.empty();
  if (!named && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
    std::string error;
    seen = read_file(resolve_root(g) / f.rec->file, error, LoadLimits{}.max_bytes);
    if (!seen) throw IoError(fmt::format("{}: {}", f.rec->file, error));
    if (!run_checklist(people, m, ws, sheet, thai_for(g, r))) {
      std::cerr << fmt::format("{}: not saved; nothing was changed\n", f.rec->file);
      return;
    }
  }
  AttendanceLists lists = attendance_lists(people, sheet);
  std::string block = attendance_yaml(lists, ws);
  edit_record(
      g, resolve_root(g), f.rec->file,
      [&](RecordText& t) {
        std::string error;
        if (!t.set_block("attendance", block, {"checker", "recorder", "chair", "venue", "end", "start", "date"},
                         error)) {
          throw RecordsHaveErrors(error + "; nothing was changed");
        }
      },
      seen ? &*seen : nullptr);
  if (!g.quiet) std::cerr << summary_line(lists) << '\n';
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
  attend->add_option("--from", ao->from,
                     "A sheet typed off the paper sign-in sheet (.csv, .xlsx, .ods): ลำดับ or รหัส or ชื่อ-สกุล, "
                     "สถานะ (มา/ลา/ขาด), เหตุผล");
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
