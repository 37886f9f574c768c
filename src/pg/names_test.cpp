#include "pg/names.hpp"

#include <doctest/doctest.h>

namespace migsafe::pg {

TEST_CASE("quote_ident quotes only where PostgreSQL needs it") {
    CHECK(quote_ident("orders") == "orders");
    CHECK(quote_ident("order_items_2") == "order_items_2");
    CHECK(quote_ident("user") == "\"user\"");
    CHECK(quote_ident("order") == "\"order\"");
    CHECK(quote_ident("Users") == "\"Users\"");
    CHECK(quote_ident("2fa") == "\"2fa\"");
    CHECK(quote_ident("a\"b") == "\"a\"\"b\"");
    CHECK(quote_ident("") == "\"\"");
    CHECK(QualifiedName{"billing", "user"}.sql() == "billing.\"user\"");
    CHECK(QualifiedName{"", "Plans"}.sql() == "\"Plans\"");
}

}  // namespace migsafe::pg
