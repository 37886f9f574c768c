#include "migration/natural_order.hpp"

#include <cctype>

namespace migsafe::migration {

namespace {

bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

size_t digit_run_end(std::string_view text, size_t from) {
    while (from < text.size() && is_digit(text[from]))
        ++from;
    return from;
}

std::string_view strip_leading_zeros(std::string_view digits) {
    while (digits.size() > 1 && digits.front() == '0')
        digits.remove_prefix(1);
    return digits;
}

// Compares two digit strings by value, without overflow.
int compare_numbers(std::string_view a, std::string_view b) {
    a = strip_leading_zeros(a);
    b = strip_leading_zeros(b);
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    const int byte_order = a.compare(b);
    return byte_order < 0 ? -1 : (byte_order > 0 ? 1 : 0);
}

int compare_natural(std::string_view a, std::string_view b) {
    size_t i = 0;
    size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (is_digit(a[i]) && is_digit(b[j])) {
            const size_t a_end = digit_run_end(a, i);
            const size_t b_end = digit_run_end(b, j);
            const int by_value = compare_numbers(a.substr(i, a_end - i), b.substr(j, b_end - j));
            if (by_value != 0) return by_value;
            i = a_end;
            j = b_end;
            continue;
        }
        if (a[i] != b[j]) {
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
        }
        ++i;
        ++j;
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return 0;
}

std::string_view next_version_part(std::string_view& rest) {
    const size_t end = rest.find_first_of("._");
    const std::string_view part = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    return part;
}

}  // namespace

bool natural_less(std::string_view a, std::string_view b) {
    const int order = compare_natural(a, b);
    if (order != 0) return order < 0;
    return a < b;
}

int compare_dotted_versions(std::string_view a, std::string_view b) {
    while (!a.empty() || !b.empty()) {
        std::string_view a_part = next_version_part(a);
        std::string_view b_part = next_version_part(b);
        if (a_part.empty()) a_part = "0";
        if (b_part.empty()) b_part = "0";
        const int order = compare_natural(a_part, b_part);
        if (order != 0) return order;
    }
    return 0;
}

}  // namespace migsafe::migration
