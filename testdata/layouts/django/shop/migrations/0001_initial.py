from django.db import migrations


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.RunSQL(
            "CREATE TABLE shop_order (id bigint PRIMARY KEY, customer_id bigint);",
            reverse_sql="DROP TABLE shop_order;",
        ),
    ]
