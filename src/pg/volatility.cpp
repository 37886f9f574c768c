#include "pg/volatility.hpp"

#include <algorithm>
#include <array>

namespace migsafe::pg {

namespace {

struct Entry {
    std::string_view name;
    int nargs;
    char volatility;
};

constexpr auto kEntries = std::to_array<Entry>({
#include "pg/volatility_data.inc"
});

Volatility from_code(char code) {
    switch (code) {
        case 'i':
            return Volatility::Immutable;
        case 's':
            return Volatility::Stable;
        case 'v':
            return Volatility::Volatile;
        default:
            return Volatility::Unknown;
    }
}

}  // namespace

Volatility function_volatility(std::string_view name, int nargs) {
    const auto key = [](const Entry& e) { return std::pair(e.name, e.nargs); };
    const auto it =
        std::lower_bound(std::begin(kEntries), std::end(kEntries), std::pair(name, nargs),
                         [&](const Entry& e, const auto& k) { return key(e) < k; });
    if (it != std::end(kEntries) && it->name == name && it->nargs == nargs)
        return from_code(it->volatility);
    // Variadic or defaulted arguments: fall back to the most volatile overload of that name.
    Volatility worst = Volatility::Unknown;
    for (auto e = std::lower_bound(std::begin(kEntries), std::end(kEntries), std::pair(name, 0),
                                   [&](const Entry&x, const auto&k) { return key(x) < k; });
         e != std::end(kEntries) && e->name == name; ++e) {
        const Volatility v = from_code(e->volatility);
        if (worst == Volatility::Unknown || v > worst) worst = v;
    }
    return worst;
}

}  // namespace migsafe::pg
