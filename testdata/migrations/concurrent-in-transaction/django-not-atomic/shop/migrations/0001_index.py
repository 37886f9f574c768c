from django.db import migrations


class Migration(migrations.Migration):
    atomic = False
    dependencies = []

    operations = [
        migrations.RunSQL(
            "CREATE INDEX CONCURRENTLY orders_customer_idx ON shop_order (customer_id)",
            reverse_sql="DROP INDEX CONCURRENTLY orders_customer_idx",
        ),
    ]
