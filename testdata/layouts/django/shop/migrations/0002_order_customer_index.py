from django.db import migrations


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("shop", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            sql=[
                "CREATE INDEX CONCURRENTLY shop_order_customer_idx ON shop_order (customer_id);",
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
