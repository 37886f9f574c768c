from django.db import models
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import Mapped, mapped_column


class User(models.Model):
    email = models.EmailField(unique=True)
    email_verified = models.BooleanField(default=False)
    display_name = models.CharField(max_length=80, db_column="name")
    team = models.ForeignKey("Team", on_delete=models.CASCADE)
    groups = models.ManyToManyField("Group")

    class Meta:
        db_table = "users"


class Stamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Team(Stamped):
    title = models.CharField(max_length=80)

    def __str__(self):
        return self.title


class Invoice(Base):
    __tablename__ = "invoices"

    id = Column(Integer, primary_key=True)
    total = Column("amount_cents", Integer)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str]
