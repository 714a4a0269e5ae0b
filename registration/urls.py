from django.urls import path

from .views import accept

app_name = "registration"
urlpatterns = [path("<str:token>/", accept.accept, name="accept")]
