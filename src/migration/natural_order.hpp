#pragma once

#include <string_view>

namespace migsafe::migration {

// Orders names the way people number migrations: runs of digits compare by value ("2_x" before
// "10_x"), everything else byte by byte. Equal values with different zero padding ("01" and "1")
// fall back to a plain byte comparison, so the order is total and deterministic.
bool natural_less(std::string_view a, std::string_view b);

// Flyway versions: parts separated by '.' or '_' compare numerically ("1.10" after "1.9",
// "2_1" equal to "2.1"); missing trailing parts count as zero.
int compare_dotted_versions(std::string_view a, std::string_view b);

}  // namespace migsafe::migration
