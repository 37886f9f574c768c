from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []

    operations = [
        migrations.RunSQL(
            "CREATE INDEX CONCURRENTLY orders_customer_idx ON shop_order (customer_id)",  # expect: concurrent-in-transaction
            reverse_sql="DROP INDEX orders_customer_idx",
        ),
    ]
