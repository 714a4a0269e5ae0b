from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("my-data/", views.download_my_data, name="download_data"),
    path("delete/", views.delete_account, name="delete"),
]
