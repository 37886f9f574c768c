#pragma once

#include "engine/rule_context.hpp"
#include "engine/rule_id.hpp"

namespace migsafe {

// The hooks of every rule that has a source file under rules/ (meta rules have none).
RuleHooks rule_hooks(RuleId id);

}  // namespace migsafe
