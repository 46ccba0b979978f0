#include "kudrang/rules/signin.hpp"

#include <algorithm>
#include <climits>

namespace kudrang {

std::vector<const Member*> signin_order(const Workspace& ws, const Date& day)
{
  std::vector<const Member*> out;
  for (const Member* m : ws.members()) {
    if (m->current_on(day)) out.push_back(m);
  }
  std::stable_sort(out.begin(), out.end(), [](const Member* a, const Member* b) {
    auto key = [](const Member* m) {
      return std::make_pair(static_cast<int>(m->sector), m->village.value_or(INT_MAX));
    };
    return key(a) < key(b);
  });
  return out;
}

}  // namespace kudrang
