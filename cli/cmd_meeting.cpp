// kudrang meeting new | plan | invite | minutes | report
#include "commands.hpp"
#include "loading.hpp"

#include "kudrang/core/text.hpp"
#include "kudrang/core/exit_status.hpp"
#include "kudrang/io/safe_write.hpp"
#include "document_output.hpp"
#include "xlsx_output.hpp"
#include "kudrang/render/report_workbooks.hpp"
#include "kudrang/render/documents.hpp"
#include "kudrang/render/json_writer.hpp"
#include "kudrang/render/html_page.hpp"
#include "kudrang/pipeline/stages.hpp"
#include "kudrang/render/meeting_report_render.hpp"
#include "kudrang/render/new_records.hpp"
#include "kudrang/render/table.hpp"
#include "kudrang/core/holidays.hpp"
#include "kudrang/rules/meeting_schedule.hpp"

#include <algorithm>
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <ctime>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

fs::path workspace_dir(const Globals& g)
{
  return resolve_root(g);
}

Date today() { return today_in_thailand(); }

Date parse_date_option(const std::string& s, const char* flag)
{
  auto d = parse_date(s);
  if (!d) throw UsageError(fmt::format("{} '{}' is not a date (YYYY-MM-DD, BE or CE)", flag, s));
  return *d;
}

// The years a record can hold: fiscal years 2400-2700 BE, as the schemas
// say. A date outside would make a meeting record that validate rejects (its
// fiscal year out of range), or, past 2942 BE, one that reads back as another
// date (its CE year would be taken for BE). Checked before anything is written.
constexpr int first_kept_year = 2400;
constexpr int last_kept_year = 2700;

void check_kept_year(const Date& d, const std::string& what)
{
  int fy = fiscal_year_of(d);
  if (fy >= first_kept_year && fy <= last_kept_year) return;
  int be = d.year + be_offset;
  throw UsageError(be == fy ? fmt::format("{} is year {} BE; kudrang keeps the years {} to {} BE", what, be,
                                          first_kept_year, last_kept_year)
                            : fmt::format("{} falls in fiscal year {}; kudrang keeps the years {} to {} BE", what, fy,
                                          first_kept_year, last_kept_year));
}

const Meeting& find_meeting(const Workspace& ws, const std::string& id)
{
  for (const auto& rec : ws.meetings) {
    if (rec.value.id == id) return rec.value;
  }
  std::vector<std::string> ids;
  for (const auto& rec : ws.meetings) ids.push_back(rec.value.id);
  throw UsageError(fmt::format("unknown meeting '{}'{}", id, did_you_mean(id, ids)));
}

std::string schema_prefix_for(const fs::path& root, const std::string& rel_dir)
{
  // From meetings/<fy>/ back to the workspace, then to where schemas live.
  std::string up;
  for (char c : rel_dir) {
    if (c == '/') up += "../";
  }
  up += "../";
  std::error_code ec;
  if (fs::exists(root / ".kudrang/schemas", ec)) return up + ".kudrang/schemas/";
  return up + ".kudrang/schemas/";
}

// ---- meeting new
struct NewOptions {
  std::string date;
  std::string time;
  std::string venue;
  std::optional<int> fy;
};

void run_new(const NewOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  const Workspace& ws = single_workspace(r);
  fs::path root = workspace_dir(g);
  NewMeeting m;
  m.date = o.date.empty() ? today() : parse_date_option(o.date, "--date");
  check_kept_year(m.date, o.date.empty() ? fmt::format("today, {},", iso_date(m.date)) : "--date " + o.date);
  m.fiscal_year = o.fy ? *o.fy : fiscal_year_of(m.date);
  if (fiscal_year_of(m.date) != m.fiscal_year) {
    throw UsageError(fmt::format("--date {} is outside fiscal year {} ({} to {})", iso_date(m.date), m.fiscal_year,
                                 iso_date(fiscal_year_start(m.fiscal_year)), iso_date(fiscal_year_end(m.fiscal_year))));
  }
  if (!o.time.empty()) {
    check_time_option(o.time, "--time");
    m.start = o.time;
  }
  m.venue = o.venue;
  // A meeting planned (or invited) for that day is the one being held: it is
  // taken up instead of writing a second record for the same day.
  for (const auto& rec : ws.meetings) {
    const Meeting& p = rec.value;
    if (p.date && p.date->value == m.date &&
        (p.status == MeetingStatus::planned || p.status == MeetingStatus::invited)) {
      std::cout << rec.file << '\n';
      if (!g.quiet) {
        std::cerr << fmt::format("kudrang: meeting {} is already {} for {}; it is that meeting's record (nothing "
                                 "new was written)\n",
                                 p.id, meeting_status_id(p.status), iso_date(m.date));
      }
      return;
    }
  }
  int next = 1;
  for (const auto& rec : ws.meetings) {
    if (rec.value.id_fiscal_year() == m.fiscal_year) next = std::max(next, rec.value.id_number().value_or(0) + 1);
  }
  // Another clerk may take a number at the same moment: the exclusive
  // create tells, and we move on to the next number.
  for (int attempt = 0; attempt < 100; ++attempt, ++next) {
    m.number = next;
    std::string rel = meeting_path(m.fiscal_year, m.number);
    m.schema_prefix = schema_prefix_for(root, rel.substr(0, rel.rfind('/')));
    fs::path target = root / rel;
    std::string error;
    switch (write_new_file(target, new_meeting_yaml(ws, m), error, root)) {
    case WriteResult::written: std::cout << rel << '\n'; return;
    case WriteResult::exists: continue;
    case WriteResult::failed: throw IoError(error);
    }
  }
  throw IoError("could not find a free meeting number");
}

// ---- meeting plan
struct PlanOptions {
  int fy = 0;
  std::string rule = "second tuesday";
  std::string time = "09:30";
  int minutes = 180;
  bool write = false;
  std::string ics;
};

void run_plan(const PlanOptions& o, Globals& g)
{
  ValidateResult r = load_checked(g);
  const Workspace& ws = single_workspace(r);
  auto rule = parse_day_rule(o.rule);
  if (!rule) {
    throw UsageError(fmt::format("--day-rule '{}' is not understood; use e.g. 'second tuesday', 'last friday' or '15'",
                                 o.rule));
  }
  check_time_option(o.time, "--time");
  bool thai = thai_for(g, r);
  if (!builtin_holidays_cover(o.fy) && !g.quiet) {
    std::cerr << fmt::format("kudrang: warning: kudrang's holiday table covers fiscal years {} to {}; fiscal year {} "
                             "is planned around weekends and kudrang.yaml's holidays: only (add the year's public "
                             "holidays there)\n",
                             builtin_holidays_first_fiscal_year(), builtin_holidays_last_fiscal_year(), o.fy);
  }
  auto schedule = schedule_year(o.fy, *rule, holidays_for_year(o.fy, ws.config.value.holidays));
  std::vector<Meeting> records;
  for (const auto& rec : ws.meetings) records.push_back(rec.value);
  apply_records(schedule, o.fy, records, o.time);
  std::cout << "# " << (thai ? fmt::format("แผนการประชุมประจำปีงบประมาณ {}", o.fy)
                             : fmt::format("Meeting plan for fiscal year {}", o.fy))
            << "\n\n";
  if (!ws.config.value.council_name.empty()) std::cout << md_line(ws.config.value.council_name) << "\n\n";
  using A = MarkdownTable::Align;
  MarkdownTable t({thai ? "ครั้งที่" : "no.", thai ? "วันที่" : "date", thai ? "เวลา" : "time",
                   thai ? "สถานที่" : "venue", thai ? "หมายเหตุ" : "note"},
                  {A::left, A::left, A::left, A::left, A::left});
  for (const auto& s : schedule) {
    std::string note;
    if (s.cancelled) {
      note = thai ? "ยกเลิก" : "cancelled";
    } else if (s.recorded && !(s.date == s.rule_date) && s.moved_because.empty()) {
      note = thai ? fmt::format("เลื่อนจาก {}", human_date(s.rule_date, true))
                  : fmt::format("moved from {}", human_date(s.rule_date, false));
    } else if (!s.moved_because.empty()) {
      note = thai ? fmt::format("เลื่อนจาก {} ({})", human_date(s.rule_date, true), fmt::join(s.moved_because, ", "))
                  : fmt::format("moved from {} ({})", human_date(s.rule_date, false), fmt::join(s.moved_because, ", "));
    }
    t.add_row({fmt::format("{}/{}", s.number, o.fy),
               thai ? thai_long_date(s.date) : fmt::format("{} {}", english_weekday_name(weekday(s.date)), human_date(s.date, false)),
               thai ? thai_time(s.start.empty() ? o.time : s.start) : (s.start.empty() ? o.time : s.start),
               ws.config.value.council_venue, note});
  }
  t.write(std::cout);
  fs::path root = workspace_dir(g);
  if (!o.ics.empty()) {
    std::time_t now = std::time(nullptr);
    if (const char* e = std::getenv("SOURCE_DATE_EPOCH")) now = static_cast<std::time_t>(std::strtoll(e, nullptr, 10));
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::string stamp = fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                                    tm.tm_hour, tm.tm_min, tm.tm_sec);
    std::string error;
    switch (write_new_file(o.ics, schedule_ics(ws, o.fy, schedule, o.time, o.minutes, stamp), error)) {
    case WriteResult::written:
      if (!g.quiet) std::cerr << fmt::format("wrote {}\n", o.ics);
      break;
    case WriteResult::exists: throw IoError(fmt::format("{} exists; kudrang does not overwrite files", o.ics));
    case WriteResult::failed: throw IoError(error);
    }
  }
  if (o.write) {
    for (const auto& s : schedule) {
      bool taken = false;
      for (const auto& rec : ws.meetings) {
        if (rec.value.id == meeting_id(o.fy, s.number)) taken = true;
      }
      std::string rel = meeting_path(o.fy, s.number);
      if (taken) {
        std::cerr << fmt::format("kept {} (meeting {} exists)\n", rel, meeting_id(o.fy, s.number));
        continue;
      }
      NewMeeting m;
      m.fiscal_year = o.fy;
      m.number = s.number;
      m.date = s.date;
      m.start = o.time;
      m.fill_attendance = false;
      m.schema_prefix = schema_prefix_for(root, rel.substr(0, rel.rfind('/')));
      std::string error;
      switch (write_new_file(root / rel, new_meeting_yaml(ws, m), error, root)) {
      case WriteResult::written:
        if (!g.quiet) std::cerr << fmt::format("wrote {}\n", rel);
        break;
      case WriteResult::exists: std::cerr << fmt::format("kept {} (the file exists)\n", rel); break;
      case WriteResult::failed: throw IoError(error);
      }
    }
  }
}

// ---- invite / minutes
struct DocOptions {
  std::string id;
  std::string format = "md";
  std::string out;
  bool thai_digits = false;
  std::string dated;
  std::string number;
  std::string reference;
};

void run_document(const DocOptions& o, Globals& g, bool minutes)
{
  // The document reads its meeting, the roster and kudrang.yaml: errors in
  // other records are counted, not a reason to refuse (issue 12, point 7).
  ValidateResult r = load_unchecked(g);
  const Workspace& ws = single_workspace(r);
  auto rec = std::find_if(ws.meetings.begin(), ws.meetings.end(),
                          [&](const Record<Meeting>& x) { return x.value.id == o.id; });
  // Not found: its file may be the one with errors, so every error is shown.
  if (rec == ws.meetings.end()) refuse_errors(r.diagnostics);
  const Meeting& m = find_meeting(ws, o.id);
  refuse_errors(g, r.diagnostics, RecordReads::of({"roster"}, {rec->file}));
  DocumentOptions d;
  d.thai = true;
  d.thai_digits = o.thai_digits;
  d.letter_date = o.dated.empty() ? today() : parse_date_option(o.dated, "--dated");
  d.letter_number = o.number;
  d.reference = o.reference;
  fs::path ws_dir = resolve_root(g) / ws.display;
  if (!minutes && o.format != "md" && !ws.config.value.letter.emblem.empty()) {
    std::error_code ec;
    if (!fs::is_regular_file(ws_dir / ws.config.value.letter.emblem, ec)) {
      throw IoError(fmt::format("the emblem '{}' (letter.emblem in kudrang.yaml) is not a file; fix the path or "
                                "remove the field",
                                ws.config.value.letter.emblem));
    }
    d.emblem_src = ws.config.value.letter.emblem;
  }
  // Documents a clerk would not mean to print (issue 13): said, not refused.
  if (m.status == MeetingStatus::cancelled && !g.quiet) {
    std::cerr << fmt::format("kudrang: warning: meeting {} is cancelled; {} (is it the meeting you meant?)\n", m.id,
                             minutes ? "its minutes say only that" : "this invites to a meeting that will not be held");
  }
  if (!minutes && m.date && d.letter_date && m.date->value < *d.letter_date && !g.quiet) {
    std::cerr << fmt::format("kudrang: warning: the letter is dated {}, after the meeting ({}); give the date it is "
                             "sent with --dated\n",
                             iso_date(*d.letter_date), iso_date(m.date->value));
  }
  Doc doc = minutes ? minutes_doc(m, ws, d) : invitation_doc(m, ws, d);
  if (o.format == "md") {
    emit_text(to_markdown(doc), o.out, g);
    return;
  }
  std::string title = (minutes ? "รายงานการประชุม " : "หนังสือเชิญประชุม ") + m.id;
  std::string page = html_page(title, to_html(doc), minutes ? minutes_css : letter_css);
  if (o.format == "pdf") emit_pdf(page, o.out, ws_dir, g);
  else emit_text(page, o.out, g);
}

// ---- report
struct ReportOptions {
  int fy = 0;
  std::string format = "md";
  std::string out;  // -o FILE (--format xlsx)
};

// Any tree through the pipeline: one workspace gets the whole report
// (rendered while it is loaded); a root of many, a row per workspace.
void run_report(const ReportOptions& o, Globals& g)
{
  std::filesystem::path root = resolve_root(g);
  FileTree tree = scan_root(root);
  MeetingTreeReport rows;
  auto stage = meetings_stage(o.fy, [&](const WorkspaceInfo& info, MeetingReport&& m) {
    rows.emplace_back(info, std::move(m));
  });
  std::vector<StageBase*> stages = {stage.get()};
  std::string detail;
  XlsxBook book;  // --format xlsx: built while the one workspace is loaded
  bool any_meeting = false;
  std::unique_ptr<StageBase> one;
  if (tree.workspaces.size() == 1) {
    one = visit_stage([&](const Workspace& ws) {
      for (const auto& rec : ws.meetings) {
        if (rec.value.date && fiscal_year_of(rec.value.date->value) == o.fy) any_meeting = true;
      }
      MeetingReport m = meeting_report(ws, o.fy);
      if (o.format == "xlsx") {
        book = meeting_report_workbook(m);
        return;
      }
      std::ostringstream text;
      bool thai = thai_output(g, ws.has_config ? ws.config.value.locale : "th");
      if (o.format == "json") render_meeting_report_json(text, m);
      else if (o.format == "csv") render_meeting_report_csv(text, m, ws, thai);
      else render_meeting_report_md(text, m, ws, thai);
      detail = text.str();
    });
    stages.push_back(one.get());
  }
  PipelineResult r = run_stages(tree, root, g, stages);
  // The report reads the meetings, the roster and kudrang.yaml (issue 12, point 7).
  refuse_errors(g, r.diagnostics, RecordReads::of({"meeting", "roster"}));
  if (one && !any_meeting) {
    throw UsageError(fmt::format("no meeting records in fiscal year {} ({} to {})", o.fy,
                                 iso_date(fiscal_year_start(o.fy)), iso_date(fiscal_year_end(o.fy))));
  }
  if (o.format == "xlsx") {
    if (!one) throw UsageError("xlsx is for one workspace; pass --workspace DIR or use md/json");
    emit_xlsx(book, o.out, g);
  } else if (one) std::cout << detail;
  else if (o.format == "json") render_meeting_tree_json(std::cout, o.fy, rows);
  else if (o.format == "csv") render_meeting_tree_csv(std::cout, rows, thai_for(g, r));
  else render_meeting_tree_md(std::cout, o.fy, rows, thai_for(g, r));
  g.exit_code = exit_ok;
}

}  // namespace

void add_meeting_command(CLI::App& app, Globals& g)
{
  auto* meeting = app.add_subcommand("meeting", "The council's monthly meetings: plan, invite, minutes, report");
  meeting->require_subcommand(1);

  auto no = std::make_shared<NewOptions>();
  auto* create = meeting->add_subcommand("new", "Write the next meeting record of the fiscal year");
  create->add_option("--date", no->date, "Meeting date, YYYY-MM-DD in BE or CE (default: today)");
  create->add_option("--time", no->time, "Start time HH:MM (default 09:30)");
  create->add_option("--venue", no->venue, "Venue (default: the council's, from kudrang.yaml)");
  create->add_option("--fy", no->fy, "Fiscal year (BE) the meeting belongs to (default: that of the date)")
    ->check(CLI::Range(2400, 2700));
  create->callback([no, &g] { run_new(*no, g); });

  auto po = std::make_shared<PlanOptions>();
  auto* plan = meeting->add_subcommand("plan", "The fiscal year's 12 meetings on a day rule, skipping holidays");
  plan->add_option("--fy", po->fy, "Fiscal year (BE)")->required()->check(CLI::Range(2400, 2700));
  plan->add_option("--day-rule", po->rule, "'second tuesday', 'last friday', '15', ... (default: second tuesday)");
  plan->add_option("--time", po->time, "Start time HH:MM (default 09:30)");
  plan->add_option("--minutes", po->minutes, "Length of each meeting in the calendar (default 180)")
    ->check(CLI::Range(15, 720));
  plan->add_flag("--write", po->write, "Also write the planned meeting records (never overwriting)");
  plan->add_option("--ics", po->ics, "Write an iCalendar file (Asia/Bangkok) for phone calendars");
  plan->callback([po, &g] { run_plan(*po, g); });

  auto io = std::make_shared<DocOptions>();
  auto* invite = meeting->add_subcommand("invite", "The invitation as an external letter (หนังสือภายนอก, form no. 1)");
  invite->add_option("id", io->id, "Meeting id, e.g. 2563-03")->required();
  invite->add_option("--format", io->format, "md (Markdown, for pandoc), html (a printable A4 page) or pdf (needs -o)")
    ->check(CLI::IsMember({"md", "html", "pdf"}));
  invite->add_option("-o,--output", io->out, "Write a new file (never overwritten) instead of standard output");
  invite->add_option("--dated", io->dated, "Date printed on the letter (default: today)");
  invite->add_option("--number", io->number, "The letter's number after the office's prefix (default: dots to fill in)");
  invite->add_option("--reference", io->reference, "อ้างถึง: the letter this one refers to (default: none)");
  invite->add_flag("--thai-digits", io->thai_digits, "Write numbers in Thai digits");
  invite->callback([io, &g] { run_document(*io, g, false); });

  auto mo = std::make_shared<DocOptions>();
  auto* minutes = meeting->add_subcommand("minutes", "Minutes (รายงานการประชุม) in the official layout");
  minutes->add_option("id", mo->id, "Meeting id, e.g. 2563-03")->required();
  minutes->add_option("--format", mo->format, "md (Markdown, for pandoc), html (a printable A4 page) or pdf (needs -o)")
    ->check(CLI::IsMember({"md", "html", "pdf"}));
  minutes->add_option("-o,--output", mo->out, "Write a new file (never overwritten) instead of standard output");
  minutes->add_flag("--thai-digits", mo->thai_digits, "Write numbers in Thai digits");
  minutes->callback([mo, &g] { run_document(*mo, g, true); });

  add_meeting_edit_commands(*meeting, g);

  auto ro = std::make_shared<ReportOptions>();
  auto* report = meeting->add_subcommand("report", "Meetings held against the target, attendance by village, sector, member");
  report->add_option("--fy", ro->fy, "Fiscal year (BE)")->required()->check(CLI::Range(2400, 2700));
  report->add_option("--format", ro->format, "md, csv, json or xlsx (needs -o)")->check(CLI::IsMember({"md", "csv", "json", "xlsx"}));
  report->add_option("-o,--output", ro->out, "The workbook to write with --format xlsx (never overwritten)");
  report->callback([ro, &g] { run_report(*ro, g); });
}

}  // namespace kudrang::cli
