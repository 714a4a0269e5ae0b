"""Users, organisations, administrative divisions and sub-venues.

This is the lowest app: it knows nothing of courses, quizzes or attendance, which all
point here. Venue lives here (not in attendance) because a trainee's profile names
their default sub-venue and coordinators are users.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import user_row
from .spreadsheet import strip_control_characters
from .validators import validate_credit_code, validate_phone


class Division(models.Model):
    """An administrative division (province, prefecture-level city or county) by its adcode."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        CITY = "city", _("City")
        COUNTY = "county", _("County")

    adcode = models.CharField(_("adcode"), max_length=6, primary_key=True)
    name = models.CharField(_("name"), max_length=50)
    name_en = models.CharField(_("English name"), max_length=50, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)

    class Meta:
        ordering = ["adcode"]
        verbose_name = _("administrative division")
        verbose_name_plural = _("administrative divisions")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        from django.utils.translation import get_language

        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name

    @property
    def full_name(self) -> str:
        """A county with its city, so two counties of one name differ: 济南市市中区 / Shizhong, Jinan."""
        if self.level != self.Level.COUNTY or self.parent is None:
            return self.display_name
        from django.utils.translation import get_language

        if self.name_en and self.parent.name_en and (get_language() or "").startswith("en"):
            return f"{self.name_en}, {self.parent.name_en}"
        return f"{self.parent.name}{self.name}"


def division_field(level: str, verbose_name, *, required: bool = False) -> models.ForeignKey:
    """A city or county of an organisation or venue (only divisions of that level are offered)."""
    return models.ForeignKey(
        Division,
        verbose_name=verbose_name,
        null=not required,
        blank=not required,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": level},
    )


class Organisation(models.Model):
    """A company or government body whose staff take part in the training."""

    class Kind(models.TextChoices):
        KEY_EMITTER = "key_emitter", _("Key emission unit")
        DEPT_PROVINCE = "dept_province", _("Provincial ecology department")
        DEPT_CITY = "dept_city", _("City ecology bureau")
        DEPT_COUNTY = "dept_county", _("County ecology branch")
        EXCHANGE = "exchange", _("Exchange or registry")
        OTHER = "other", _("Other")

    class Industry(models.TextChoices):
        POWER = "power", _("Power generation")
        PETROCHEMICAL = "petrochemical", _("Petrochemicals")
        CHEMICAL = "chemical", _("Chemicals")
        BUILDING_MATERIALS = "building_materials", _("Building materials")
        STEEL = "steel", _("Steel")
        NONFERROUS = "nonferrous", _("Non-ferrous metals")
        PAPER = "paper", _("Papermaking")
        AVIATION = "aviation", _("Aviation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_en = models.CharField(
        _("English name"), max_length=200, blank=True, help_text=_("Shown and searchable on English pages.")
    )
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_credit_code],
        help_text=_("18 characters; the last one is a check character."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.KEY_EMITTER, db_index=True)
    industry = models.CharField(_("industry"), max_length=20, choices=Industry.choices, blank=True)
    city = division_field(Division.Level.CITY, _("city"))
    county = division_field(Division.Level.COUNTY, _("county"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def search_text(self) -> str:
        """Everything a person may type to find this organisation: both names and its place in both languages."""
        return search_text(self.name, self.name_en, self.credit_code, self.city, self.county)

    def clean(self):
        self.name = strip_control_characters(self.name)
        if self.credit_code:
            self.credit_code = self.credit_code.strip().upper()
        if self.county_id and self.city_id and self.county.parent_id != self.city_id:
            from django.core.exceptions import ValidationError

            raise ValidationError({"county": _("This county is not in the chosen city.")})


class Venue(models.Model):
    """A sub-venue where trainees gather to watch the broadcast lecture."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        CITY = "city", _("City")
        COUNTY = "county", _("County")
        COMPANY = "company", _("Company")

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_en = models.CharField(
        _("English name"), max_length=200, blank=True, help_text=_("Shown and searchable on English pages.")
    )
    city = division_field(Division.Level.CITY, _("city"), required=True)
    county = division_field(Division.Level.COUNTY, _("county"))
    address = models.CharField(_("address"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), default=0)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.CITY)
    coordinators = models.ManyToManyField(
        "accounts.User", verbose_name=_("coordinators"), blank=True, related_name="coordinated_venues"
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["city_id", "county_id", "name"]
        verbose_name = _("sub-venue")
        verbose_name_plural = _("sub-venues")
        permissions = [
            ("manage_all_venues", _("Can run attendance and see reports for every sub-venue")),
            ("coordinate_venues", _("Can run attendance for the sub-venues they coordinate")),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        self.name = strip_control_characters(self.name)
        self.address = strip_control_characters(self.address)

    @property
    def search_text(self) -> str:
        """Everything a person may type to find this sub-venue: both names and its place in both languages."""
        return search_text(self.name, self.name_en, self.city, self.county)


def search_text(*parts) -> str:
    """Names (and divisions' Chinese and English names) joined, lower-cased, for type-to-filter boxes."""
    words = []
    for part in parts:
        if isinstance(part, Division):
            words += [part.name, part.name_en]
        elif part:
            words.append(str(part))
    return " ".join(w for w in words if w).lower()


class UserManager(BaseUserManager):
    """Users sign in with their email address; there is no username."""

    use_in_migrations = True

    def get(self, *args, **kwargs):
        """As QuerySet.get; by primary key alone (authentication, on every signed-in request) the
        statement is compiled once per process (accounts.user_row)."""
        if not args and kwargs.keys() == {"pk"} and isinstance(kwargs["pk"], int | str):
            return user_row.get_by_pk(self.get_queryset(), kwargs["pk"])
        return super().get(*args, **kwargs)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person using the platform; the trainee profile lives on the user itself."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    real_name = models.CharField(_("real name"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    default_venue = models.ForeignKey(
        Venue,
        verbose_name=_("default sub-venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="default_for",
    )

    consented_at = models.DateTimeField(
        _("consented to data processing at"),
        null=True,
        blank=True,
        help_text=_("When the user accepted the privacy notice at sign-up."),
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    # The language the person last read the site in (accounts.language keeps it up to date);
    # e-mails and PDFs made for them use it.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name

    def clean(self):
        super().clean()
        for name in ("real_name", "phone", "job_title"):
            setattr(self, name, strip_control_characters(getattr(self, name)))

    def save(self, *args, **kwargs):
        # One spelling per address, so "Wang@X.cn" and "wang@x.cn" are one account.
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return self.real_name or self.get_full_name() or self.email

    def get_full_name(self):
        return self.real_name or super().get_full_name()

    def get_short_name(self):
        return self.real_name or self.first_name or self.email
