#include "engine/rule_registry.hpp"

namespace migsafe {

namespace rules {
#define MIGSAFE_RULE(ident, id, severity, category, aliases, summary) RuleHooks hooks_##ident();
#define MIGSAFE_META_RULE(ident, id, severity, category, aliases, summary)
#include "rules.def"
#undef MIGSAFE_RULE
#undef MIGSAFE_META_RULE
}  // namespace rules

RuleHooks rule_hooks(RuleId id) {
    switch (id) {
#define MIGSAFE_RULE(ident, id, severity, category, aliases, summary) \
    case RuleId::ident:                                               \
        return rules::hooks_##ident();
#define MIGSAFE_META_RULE(ident, id, severity, category, aliases, summary) \
    case RuleId::ident:                                                    \
        return {};
#include "rules.def"
#undef MIGSAFE_RULE
#undef MIGSAFE_META_RULE
    }
    return {};
}

}  // namespace migsafe
