from django.db import migrations, models

TABLE = "shop_order"


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0002_order_customer_index"),
    ]

    operations = [
        migrations.AddField("order", "note", models.TextField(null=True)),
        migrations.RunSQL("UPDATE %s SET note = '' WHERE note IS NULL" % TABLE),
    ]
