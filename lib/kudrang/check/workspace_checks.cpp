#include "kudrang/check/workspace_checks.hpp"

#include "kudrang/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include <map>
#include <set>
#include <unordered_map>

namespace kudrang {

namespace {

// The form of an id (schemas' $defs/id): what else stands in an id's place
// is reported by the schema and not looked up.
bool is_id_form(const std::string& id)
{
  if (id.empty() || !std::isalnum(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

// "09:30": the only form of time the schema lets through.
bool is_hhmm(const std::string& t)
{
  return t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) &&
         std::isdigit(static_cast<unsigned char>(t[1])) && std::isdigit(static_cast<unsigned char>(t[3])) &&
         std::isdigit(static_cast<unsigned char>(t[4])) && t.substr(0, 2) <= "23" && t.substr(3) <= "59";
}

class Checker {
public:
  Checker(const Workspace& ws, std::vector<Diagnostic>& out) : m_ws(ws), m_out(out) {}

  void run()
  {
    if (!m_ws.has_config) {
      std::string where = m_ws.display.empty() ? std::string(workspace_file_name)
                                               : m_ws.display + "/" + workspace_file_name;
      error(where, {}, "workspace-missing", "kudrang.yaml holds no usable 'kind: workspace' record");
    } else {
      check_config();
    }
    check_roster();
    check_projects();
    check_meetings();
    check_plans();
    check_criteria_records();
    check_certifications();
    check_development_plans();
    check_budgets();
    check_integrated_plans();
  }

private:
  void error(const std::string& file, Mark m, const char* code, std::string msg)
  {
    m_out.push_back({file, m, Severity::error, code, std::move(msg)});
  }
  void warning(const std::string& file, Mark m, const char* code, std::string msg)
  {
    m_out.push_back({file, m, Severity::warning, code, std::move(msg)});
  }

  // Reports a second use of an id of the same kind.
  void unique(std::map<std::string, std::pair<std::string, Mark>>& seen, const std::string& what,
              const std::string& id, const std::string& file, Mark m)
  {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, std::pair{file, m});
    if (!inserted) {
      error(file, m, "id-duplicate",
            fmt::format("{} '{}' is already used at {}:{}", what, id, it->second.first, it->second.second.line));
    }
  }

  bool village_exists(int no) const
  {
    return !m_ws.has_config || m_ws.config.value.village(no) != nullptr;
  }

  void check_config()
  {
    const auto& c = m_ws.config.value;
    const std::string& f = m_ws.config.file;
    std::set<int> seen;
    for (const auto& v : c.villages) {
      if (!seen.insert(v.no).second) {
        error(f, v.mark, "id-duplicate", fmt::format("village number {} is listed twice", v.no));
      }
      // The schema checks the form of both codes; here only that they agree.
      bool area_ok = c.area_code.size() == 6 && c.area_code.find_first_not_of("0123456789") == std::string::npos;
      bool code_ok = v.code.size() == 8 && v.code.find_first_not_of("0123456789") == std::string::npos;
      if (area_ok && code_ok) {
        std::string expected = fmt::format("{}{:02}", c.area_code, v.no);
        if (v.code != expected) {
          error(f, v.mark, "code-invalid",
                fmt::format("village {} has code '{}', but area {} makes it '{}'", v.no, v.code, c.area_code,
                            expected));
        }
      }
    }
    for (size_t i = 1; i <= c.villages.size(); ++i) {
      if (!seen.count(static_cast<int>(i))) {
        warning(f, c.villages.empty() ? Mark{} : c.villages.front().mark, "village-numbering",
                fmt::format("villages should be numbered 1 to {}, but village {} is missing",
                            c.villages.size(), i));
        break;
      }
    }
  }

  void check_roster()
  {
    std::map<std::string, std::pair<std::string, Mark>> seen;
    for (const auto& r : m_ws.rosters) {
      for (const auto& m : r.value.members) {
        unique(seen, "member id", m.id, r.file, m.mark);
        if (m.village && !village_exists(*m.village)) {
          error(r.file, m.village_mark, "ref-unknown",
                fmt::format("member '{}' represents village {}, which kudrang.yaml does not list{}", m.id,
                            *m.village, villages_listed()));
        }
      }
    }
  }

  void check_projects()
  {
    std::map<std::string, std::pair<std::string, Mark>> seen;
    for (const auto& p : m_ws.projects) {
      unique(seen, "project ref", p.value.ref, p.file, p.value.ref_mark);
    }
  }

  // "; did you mean 'p013' (นายสมชาย ใจดี)?" for an unknown roster id, or "".
  std::string member_suggestion(const std::string& id)
  {
    if (m_member_ids.empty()) {
      for (const Member* m : m_ws.members()) m_member_ids.push_back(m->id);
    }
    std::string best = closest_candidate(id, m_member_ids);
    if (best.empty()) return {};
    const Member* m = m_ws.member(best);
    return m && !m->name.empty() ? fmt::format("; did you mean '{}' ({})?", best, m->name)
                                 : fmt::format("; did you mean '{}'?", best);
  }

  // "; did you mean '...'?" among `ids`, or "".
  static std::string suggestion(const std::string& value, const std::vector<std::string>& ids)
  {
    std::string best = closest_candidate(value, ids);
    return best.empty() ? std::string() : fmt::format("; did you mean '{}'?", best);
  }

  std::vector<std::string> project_refs() const
  {
    std::vector<std::string> out;
    for (const auto& p : m_ws.projects) out.push_back(p.value.ref);
    return out;
  }

  std::vector<std::string> dev_project_ids() const
  {
    std::vector<std::string> out;
    for (const auto& d : m_ws.development_plans) {
      for (const auto& p : d.value.projects) out.push_back(p.id);
    }
    return out;
  }

  std::vector<std::string> community_plan_ids() const
  {
    std::vector<std::string> out;
    for (const auto& p : m_ws.plans) out.push_back(p.value.id);
    return out;
  }

  // "; kudrang.yaml lists villages 1 to 16" (the numbers it has), or "".
  std::string villages_listed() const
  {
    if (!m_ws.has_config || m_ws.config.value.villages.empty()) return {};
    std::vector<int> nos;
    for (const auto& v : m_ws.config.value.villages) nos.push_back(v.no);
    std::sort(nos.begin(), nos.end());
    bool run = nos.back() - nos.front() + 1 == static_cast<int>(nos.size());
    if (run) return fmt::format("; kudrang.yaml lists villages {} to {}", nos.front(), nos.back());
    return fmt::format("; kudrang.yaml lists villages {}", fmt::join(nos, ", "));
  }

  void check_member_ref(const std::string& file, const Ref& ref, const char* where)
  {
    if (!m_ws.member(ref.value)) {
      error(file, ref.mark, "ref-unknown",
            fmt::format("unknown roster id '{}' in {}{}", ref.value, where, member_suggestion(ref.value)));
    }
  }

  // Warnings that catch the mistakes of a held meeting's record (issue 13).
  void check_held_attendance(const Meeting& m, const std::string& f)
  {
    const Date& day = m.date->value;
    auto present = [&](const std::string& id) {
      return std::any_of(m.present.begin(), m.present.end(), [&](const AttendanceEntry& e) { return e.id == id; });
    };
    for (const auto& [role, ref] : {std::pair{"chair", &m.chair}, std::pair{"recorder", &m.recorder}}) {
      if (*ref && m_ws.member((*ref)->value) && !present((*ref)->value)) {
        warning(f, (*ref)->mark, "attendance-role",
                fmt::format("the {} '{}' is not in attendance.present; was the meeting chaired or recorded by "
                            "someone else?",
                            role, (*ref)->value));
      }
    }
    for (const auto* list : {&m.present, &m.excused, &m.absent}) {
      for (const auto& e : *list) {
        const Member* mem = m_ws.member(e.id);
        if (!mem || mem->current_on(day)) continue;
        warning(f, e.mark, "attendance-not-member",
                mem->from && day < *mem->from
                  ? fmt::format("'{}' became a member on {}, after this meeting ({})", e.id, iso_date(*mem->from),
                                iso_date(day))
                  : fmt::format("'{}' left the council on {}, before this meeting ({})", e.id,
                                iso_date(*mem->until), iso_date(day)));
      }
    }
    long members = 0;
    for (const Member* mem : m_ws.members()) members += mem->current_on(day) ? 1 : 0;
    auto here = static_cast<long>(m.present.size());
    const auto& q = m_ws.config.value.quorum;
    // Thresholds on integers: a share num/den of the members, or more than half.
    bool met = q ? here * q->den >= q->num * members : here * 2 > members;
    if (members > 0 && !met) {
      warning(f, m.attendance_mark, "quorum-not-met",
              fmt::format("{} of {} members present: below the quorum ({}); a meeting below it cannot decide",
                          here, members,
                          q ? fmt::format("{}% of the members", static_cast<double>(q->num) * 100 / static_cast<double>(q->den))
                            : std::string("more than half")));
    }
  }

  void check_meetings()
  {
    bool measured = false;  // a project sheet counts meetings: each meeting should name it
    for (const auto& p : m_ws.projects) {
      for (const auto& i : p.value.indicators) measured = measured || i.measure == "meetings-held";
    }
    std::map<std::string, std::pair<std::string, Mark>> seen;
    std::map<Date, std::pair<std::string, std::string>> held_dates;
    for (const auto& rec : m_ws.meetings) {
      const Meeting& m = rec.value;
      const std::string& f = rec.file;
      unique(seen, "meeting id", m.id, f, m.id_mark);
      if (!m.project && measured) {
        warning(f, m.id_mark, "meeting-project-missing",
                fmt::format("meeting '{}' names no project sheet (project:), so it is not counted for the sheet "
                            "that measures the council's meetings",
                            m.id));
      }
      if (m.project && !m_ws.project(m.project->value)) {
        error(f, m.project->mark, "ref-unknown",
              fmt::format("meeting refers to project '{}', but no project sheet has that ref{}", m.project->value,
                          suggestion(m.project->value, project_refs())));
      }
      if (auto fy = m.id_fiscal_year(); fy && m.date) {
        if (fiscal_year_of(m.date->value) != *fy) {
          error(f, m.date->mark, "date-fiscal-year",
                fmt::format("{} ({}) is outside fiscal year {} of meeting '{}' ({} to {})",
                            iso_date(m.date->value), human_date(m.date->value, false), *fy, m.id,
                            iso_date(fiscal_year_start(*fy)), iso_date(fiscal_year_end(*fy))));
        }
      }
      // A time that is itself wrong (09.30, ๐๙:๓๐) has its own error; no order is derived from it.
      if (is_hhmm(m.start) && is_hhmm(m.end) && m.end <= m.start) {
        error(f, m.end_mark, "time-order", fmt::format("the meeting ends ({}) before it starts ({})", m.end, m.start));
      }
      if (m.chair) check_member_ref(f, *m.chair, "chair");
      if (m.recorder) check_member_ref(f, *m.recorder, "recorder");
      if (m.checker) check_member_ref(f, *m.checker, "checker");

      std::unordered_map<std::string, const char*> listed;
      auto check_list = [&](const std::vector<AttendanceEntry>& list, const char* name) {
        for (const auto& e : list) {
          // An entry that is no id at all ("p029 ลาป่วย") has its own error
          // from the schema, with the text to write; it is not looked up too.
          if (!is_id_form(e.id)) continue;
          if (!m_ws.member(e.id)) {
            error(f, e.mark, "ref-unknown",
                  fmt::format("unknown roster id '{}' in attendance.{}{}", e.id, name, member_suggestion(e.id)));
            continue;
          }
          auto [it, inserted] = listed.emplace(e.id, name);
          if (!inserted) {
            error(f, e.mark, "attendance-duplicate",
                  fmt::format("'{}' is listed in attendance.{} and again in attendance.{}; a member "
                              "is in one list only",
                              e.id, it->second, name));
          }
        }
      };
      check_list(m.present, "present");
      check_list(m.excused, "excused");
      check_list(m.absent, "absent");

      if (m.status == MeetingStatus::held) {
        if (!m.has_attendance) {
          error(f, m.id_mark, "attendance-required",
                fmt::format("meeting '{}' is held but has no attendance; list members under "
                            "attendance.present, excused and absent",
                            m.id));
        } else if (m.date) {
          std::vector<std::string> missing;
          for (const Member* mem : m_ws.members()) {
            if (mem->current_on(m.date->value) && !listed.count(mem->id)) {
              missing.push_back(mem->id);
            }
          }
          if (!missing.empty()) {
            warning(f, m.attendance_mark, "attendance-missing",
                    fmt::format("attendance not recorded for {} current member{}: {}", missing.size(),
                                missing.size() == 1 ? "" : "s", fmt::join(missing, ", ")));
          }
          check_held_attendance(m, f);
        }
        if (m.date) {
          auto [it, inserted] = held_dates.emplace(m.date->value, std::pair{m.id, f});
          if (!inserted) {
            error(f, m.date->mark, "meeting-date-duplicate",
                  fmt::format("meeting '{}' is held on {}, the same day as meeting '{}'", m.id,
                              iso_date(m.date->value), it->second.first));
          }
        }
      }
      int expected_no = 1;
      // An item number that is itself wrong (missing, ๑ in Thai digits, 0)
      // has its own error; no numbering is derived from it.
      bool numbers_readable = std::all_of(m.agenda.begin(), m.agenda.end(), [](const AgendaItem& a) { return a.no >= 1; });
      for (const auto& a : m.agenda) {
        if (!numbers_readable) break;
        if (a.no != expected_no) {
          warning(f, a.mark, "agenda-numbering",
                  fmt::format("agenda item numbered {} where {} was expected (items count from 1)", a.no,
                              expected_no));
          break;
        }
        ++expected_no;
      }
    }
  }

  void check_plans()
  {
    std::map<std::string, std::pair<std::string, Mark>> seen;
    for (const auto& rec : m_ws.plans) {
      const CommunityPlan& p = rec.value;
      unique(seen, "community plan id", p.id, rec.file, p.id_mark);
      if (p.village && !village_exists(p.village)) {
        error(rec.file, p.village_mark, "ref-unknown",
              fmt::format("village {} is not listed in kudrang.yaml{}", p.village, villages_listed()));
      }
      std::map<std::string, std::pair<std::string, Mark>> pids;
      for (const auto& pp : p.projects) {
        unique(pids, fmt::format("project id in plan '{}':", p.id), pp.id, rec.file, pp.mark);
      }
    }
  }

  void check_criteria_records()
  {
    std::map<std::string, std::pair<std::string, Mark>> seen;
    for (const auto& rec : m_ws.criteria) {
      unique(seen, "criteria id", rec.value.id, rec.file, rec.value.id_mark);
      Diagnostics d(rec.file);
      check_criteria(rec.value, d);
      m_out.insert(m_out.end(), d.list().begin(), d.list().end());
    }
  }

  void check_certifications()
  {
    for (const auto& rec : m_ws.certifications) {
      const Certification& c = rec.value;
      const std::string& f = rec.file;
      if (!c.plan.value.empty() && !m_ws.plan(c.plan.value)) {
        error(f, c.plan.mark, "ref-unknown", fmt::format("unknown community plan '{}'{}", c.plan.value, suggestion(c.plan.value, community_plan_ids())));
      }
      const Criteria* set = m_ws.criteria_set(c.criteria.value);
      if (!set) {
        if (!c.criteria.value.empty()) {
          error(f, c.criteria.mark, "ref-unknown",
                fmt::format("unknown criteria set '{}' (built in: {})", c.criteria.value, builtin_criteria().id));
        }
        continue;
      }
      std::set<std::string> scored;
      for (const auto& s : c.scores) {
        scored.insert(s.indicator);
        const Indicator* ind = set->indicator(s.indicator);
        if (!ind) {
          error(f, s.mark, "score-unknown",
                fmt::format("criteria '{}' has no indicator '{}'", set->id, s.indicator));
        } else if (s.points > ind->max) {
          error(f, s.mark, "score-range",
                fmt::format("indicator '{}' scores {} points, but its maximum is {}", s.indicator, s.points, ind->max));
        }
      }
      std::vector<std::string> missing;
      for (const auto& a : set->areas) {
        for (const auto& i : a.indicators) {
          if (!scored.count(i.id)) missing.push_back(i.id);
        }
      }
      if (!missing.empty()) {
        error(f, c.scores_mark, "score-missing",
              fmt::format("{} indicator{} of criteria '{}' {} not scored: {}", missing.size(),
                          missing.size() == 1 ? "" : "s", set->id, missing.size() == 1 ? "is" : "are",
                          fmt::join(missing, ", ")));
      }
    }
  }

  void check_development_plans()
  {
    std::map<std::string, std::pair<std::string, Mark>> plan_ids;
    std::map<std::string, std::pair<std::string, Mark>> project_ids;
    for (const auto& rec : m_ws.development_plans) {
      unique(plan_ids, "development plan id", rec.value.id, rec.file, rec.value.id_mark);
      for (const auto& p : rec.value.projects) {
        unique(project_ids, "development-plan project id", p.id, rec.file, p.mark);
        for (const auto& s : p.sources) {
          const CommunityPlan* plan = m_ws.plan(s.plan);
          if (!plan) {
            error(rec.file, s.mark, "ref-unknown",
                  fmt::format("source '{}': no community plan '{}'{}", s.text(), s.plan, suggestion(s.plan, community_plan_ids())));
          } else if (!plan->project(s.project)) {
            error(rec.file, s.mark, "ref-unknown",
                  fmt::format("source '{}': community plan '{}' has no project '{}'", s.text(), s.plan, s.project));
          }
        }
      }
    }
  }

  void check_budgets()
  {
    std::map<std::string, std::pair<std::string, Mark>> seen;
    for (const auto& rec : m_ws.budgets) {
      const Budget& b = rec.value;
      unique(seen, "budget of year and stage", fmt::format("{} {}", b.year, b.stage), rec.file, b.year_mark);
      std::map<std::string, std::pair<std::string, Mark>> lines;
      for (const auto& l : b.lines) {
        unique(lines, "budget line id", l.id, rec.file, l.mark);
        if (!l.project) continue;
        const DevProject* dp = m_ws.dev_project(l.project->value);
        if (!dp) {
          error(rec.file, l.project->mark, "ref-unknown",
                fmt::format("budget line '{}' carries development-plan project '{}', which no "
                            "development plan holds{}",
                            l.id, l.project->value, suggestion(l.project->value, dev_project_ids())));
        } else if (dp->planned(b.year).satang == 0) {
          warning(rec.file, l.project->mark, "budget-unplanned",
                  fmt::format("development-plan project '{}' plans no money for {}", dp->id, b.year));
        } else if (l.amount > dp->planned(b.year)) {
          warning(rec.file, l.mark, "budget-over-plan",
                  fmt::format("budget line '{}' ({} baht) is more than the {} baht planned for {} in '{}'",
                              l.id, format_money(l.amount), format_money(dp->planned(b.year)), b.year, dp->id));
        }
      }
    }
  }

  // The integrated plan of a review year (model-LAO criterion 3): every
  // not-dropped project of that year's village plans exactly once, ranks
  // 1..n, the forum within the review year, one project per village at least.
  void check_integrated_plans()
  {
    std::map<std::string, std::pair<std::string, Mark>> ids;
    std::map<std::string, std::pair<std::string, Mark>> years;
    for (const auto& rec : m_ws.integrated_plans) {
      const IntegratedPlan& ip = rec.value;
      const std::string& f = rec.file;
      unique(ids, "integrated plan id", ip.id, f, ip.id_mark);
      unique(years, "integrated plan of review year", fmt::format("{}", ip.year), f, ip.year_mark);
      if (ip.date && fiscal_year_of(*ip.date) != ip.year) {
        error(f, ip.date_mark, "forum-date-year",
              fmt::format("the forum's date {} lies in fiscal year {}, not in review year {}; correct the date "
                          "or the year",
                          iso_date(*ip.date), fiscal_year_of(*ip.date), ip.year));
      }
      std::map<std::string, Mark> seen;  // "plan/project" -> first mark
      std::map<long, Mark> ranks;
      std::set<int> villages_in;
      std::set<std::string> dimensions;
      std::set<std::string> unknown_plans;
      for (const auto& p : ip.projects) {
        std::string ref = p.ref();
        const CommunityPlan* plan = m_ws.plan(p.plan);
        const PlanProject* pp = plan ? plan->project(p.project) : nullptr;
        if (!plan) {
          // Once per unknown plan (a plan with errors is not loaded: its
          // projects would each repeat the same cause).
          if (unknown_plans.insert(p.plan).second) {
            long n = std::count_if(ip.projects.begin(), ip.projects.end(),
                                   [&](const IntegratedProject& x) { return x.plan == p.plan; });
            error(f, p.mark, "ref-unknown",
                  n > 1 ? fmt::format("project '{}' and {} more: no community plan '{}'{}", ref, n - 1, p.plan,
                                      suggestion(p.plan, community_plan_ids()))
                        : fmt::format("project '{}': no community plan '{}'{}", ref, p.plan, suggestion(p.plan, community_plan_ids())));
          }
        } else if (!pp) {
          error(f, p.mark, "ref-unknown",
                fmt::format("project '{}': community plan '{}' has no project '{}'", ref, p.plan, p.project));
        } else if (plan->year != ip.year) {
          error(f, p.mark, "ref-unknown",
                fmt::format("project '{}': community plan '{}' is of review year {}, not {}; take the "
                            "project from the {} plan of the village",
                            ref, p.plan, plan->year, ip.year, ip.year));
        } else if (pp->status == PlanProjectStatus::dropped) {
          error(f, p.mark, "integrated-dropped",
                fmt::format("project '{}' is dropped in its village plan; remove it from the integrated plan "
                            "or change its status in {}",
                            ref, p.plan));
        } else {
          villages_in.insert(plan->village);
          if (!pp->dimension.empty()) dimensions.insert(pp->dimension);
        }
        auto [it, fresh] = seen.emplace(ref, p.mark);
        if (!fresh) {
          error(f, p.mark, "integrated-duplicate",
                fmt::format("project '{}' is already listed at line {}; list each project once", ref,
                            it->second.line));
        }
        auto [rt, rfresh] = ranks.emplace(p.rank, p.rank_mark);
        if (!rfresh) {
          error(f, p.rank_mark, "integrated-rank",
                fmt::format("rank {} is already given at line {}; ranks are 1, 2, 3 ... once each", p.rank,
                            rt->second.line));
        }
        if (p.carrier == Carrier::agency && p.agency.empty()) {
          error(f, p.mark, "integrated-agency",
                fmt::format("project '{}' is carried by another agency but names none; add 'agency:' (e.g. "
                            "the district office)",
                            ref));
        }
      }
      long n = static_cast<long>(ip.projects.size());
      std::vector<long> gaps;
      for (long r = 1; r <= n; ++r) {
        if (!ranks.count(r)) gaps.push_back(r);
      }
      if (!gaps.empty()) {
        std::vector<std::string> shown;
        for (size_t i = 0; i < gaps.size() && i < 10; ++i) shown.push_back(fmt::format("{}", gaps[i]));
        error(f, ip.projects_mark, "integrated-rank",
              fmt::format("the {} projects must be ranked 1 to {} without gaps; no project has rank {}{}", n, n,
                          fmt::join(shown, ", "), gaps.size() > shown.size() ? " ..." : ""));
      }
      // Every not-dropped project of the year's village plans, once.
      std::set<int> villages_with_plans;
      for (const auto& prec : m_ws.plans) {
        const CommunityPlan& cp = prec.value;
        if (cp.year != ip.year) continue;
        bool any = false;
        for (const auto& pp : cp.projects) {
          if (pp.status == PlanProjectStatus::dropped) continue;
          any = true;
          std::string ref = cp.id + "/" + pp.id;
          if (!seen.count(ref)) {
            error(f, ip.projects_mark, "integrated-missing",
                  fmt::format("project '{}' ({}) of village {} is not in the integrated plan; add it with a "
                              "rank, or mark it dropped in {}",
                              ref, pp.name, cp.village, prec.file));
          }
        }
        if (any) villages_with_plans.insert(cp.village);
      }
      // A plan whose village number is itself wrong (๑, missing) has its own
      // error: which village lacks a project is not derived from it.
      if (m_ws.has_config && !villages_in.count(0)) {
        for (const auto& v : m_ws.config.value.villages) {
          if (!villages_in.count(v.no)) {
            warning(f, ip.projects_mark, "integrated-village-absent",
                    fmt::format("village {} ({}) has no project in the integrated plan; success level 4 needs "
                                "at least one project per village",
                                v.no, v.name));
          }
        }
      }
      if (!ip.projects.empty() && dimensions.size() < 3) {
        warning(f, ip.projects_mark, "integrated-dimensions",
                fmt::format("the integrated plan covers {} development dimension{} ({}); model-LAO criterion 3 "
                            "needs at least 3",
                            dimensions.size(), dimensions.size() == 1 ? "" : "s", fmt::join(dimensions, ", ")));
      }
    }
  }

  const Workspace& m_ws;
  std::vector<Diagnostic>& m_out;
  std::vector<std::string> m_member_ids;  // for "did you mean", gathered on the first unknown id
};

}  // namespace

void check_workspace(const Workspace& ws, std::vector<Diagnostic>& out)
{
  if (ws.unreadable.empty()) {
    Checker(ws, out).run();
    return;
  }
  // A file that could not be read may hold the records the others refer to
  // (one tab in roster.yaml would otherwise make every attendance list an
  // unknown id): its own error comes first, and the references wait for it.
  std::vector<Diagnostic> found;
  Checker(ws, found).run();
  size_t waiting = 0;
  const Diagnostic* first = nullptr;
  for (auto& d : found) {
    if (d.code == "ref-unknown") {
      if (!first) first = &d;
      ++waiting;
      continue;
    }
    out.push_back(std::move(d));
  }
  if (first) {
    std::string example = fmt::format("{}:{}:{}", first->file, first->mark.line, first->mark.column);
    out.push_back({ws.unreadable.front(), {}, Severity::warning, "ref-unreadable",
                   waiting == 1 ? fmt::format("1 reference (at {}) refers to a record in a file with errors; "
                                              "fix this file, then validate again",
                                              example)
                                : fmt::format("{} references (the first at {}) refer to records in a file with "
                                              "errors; fix this file, then validate again",
                                              waiting, example)});
  }
}

std::vector<PendingMeeting> pending_meetings(const Workspace& ws)
{
  std::vector<PendingMeeting> out;
  for (const auto& rec : ws.meetings) {
    const Meeting& m = rec.value;
    if (!m.date || (m.status != MeetingStatus::planned && m.status != MeetingStatus::invited)) continue;
    out.push_back({rec.file, m.date->mark, m.id, m.date->value, m.status == MeetingStatus::invited});
  }
  return out;
}

void check_overdue(const std::vector<PendingMeeting>& pending, const Date& today, std::vector<Diagnostic>& out)
{
  for (const auto& p : pending) {
    if (!(p.date < today)) continue;
    out.push_back({p.file, p.mark, Severity::warning, "meeting-overdue",
                   fmt::format("meeting '{}' on {} is still {}: record what happened with 'kudrang meeting held {}' "
                               "(then 'meeting attend'), 'meeting cancel {} --reason ...' or 'meeting move {} --date ...'",
                               p.id, iso_date(p.date), p.invited ? "invited" : "planned", p.id, p.id, p.id)});
  }
}

}  // namespace kudrang
